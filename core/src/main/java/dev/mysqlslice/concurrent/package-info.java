/** Running work on both servers at once: the source/target pair, waiting for futures, named daemon threads. */
package dev.mysqlslice.concurrent;
