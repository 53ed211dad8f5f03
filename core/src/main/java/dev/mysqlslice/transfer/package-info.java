/** Moving rows: streaming them from the source as exact bytes and writing them to the target in bounded transactions. */
package dev.mysqlslice.transfer;
