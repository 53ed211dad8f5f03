/** What a running daemon shows its operators over HTTP: Prometheus metrics and a health check. */
package dev.mysqlslice.daemon.monitor;
