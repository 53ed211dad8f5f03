/** One-shot catch-up: choosing the tables, checking them, running each table's strategy, reporting. */
package dev.mysqlslice.sync;
