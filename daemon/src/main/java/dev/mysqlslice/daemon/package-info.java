/** The binlog-aware daemon: tails the source's binlog and syncs only what changed. */
package dev.mysqlslice.daemon;
