/** Holding back work on the source: load ceilings, a critical load that aborts, pause by hand or by file. */
package dev.mysqlslice.throttle;
