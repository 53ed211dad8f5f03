/** Test support for the daemon: its object graph and a daemon running in the background. */
package dev.mysqlslice.daemon.testing;
