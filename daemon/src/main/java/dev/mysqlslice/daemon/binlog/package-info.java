/** Following the source's binlog: positions, prerequisites, the stream, and turning row events into dirty keys. */
package dev.mysqlslice.daemon.binlog;
