/** The per-table sync strategies behind one small interface, what they are given (servers and their settings, where repairs go), and the Dagger module that registers them. */
package dev.mysqlslice.strategy;
