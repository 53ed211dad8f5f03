/** What a running daemon shows its operators: the metrics it keeps, served over HTTP as Prometheus text and a health check. */
package dev.mysqlslice.daemon.monitor;
