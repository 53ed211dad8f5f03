/** Holding back work on the source: load, replica lag, pause, critical load, and the pace and time limit of its scans. */
package dev.mysqlslice.throttle;
