/** Foreign-key cascades the binlog does not show: which parents to watch, and the child rows they reached. */
package dev.mysqlslice.daemon.cascade;
