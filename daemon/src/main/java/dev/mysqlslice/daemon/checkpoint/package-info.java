/** Durable progress in the target database: the last synced binlog position, pending ranges and daemon status. */
package dev.mysqlslice.daemon.checkpoint;
