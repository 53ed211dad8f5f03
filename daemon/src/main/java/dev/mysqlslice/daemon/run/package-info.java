/** Running the daemon: prerequisites, start decisions, the cycle loop, the lifecycle and run-once catch-up. */
package dev.mysqlslice.daemon.run;
