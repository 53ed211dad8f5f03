/** The per-table sync strategies behind one small interface, and the Dagger module that registers them. */
package dev.mysqlslice.strategy;
