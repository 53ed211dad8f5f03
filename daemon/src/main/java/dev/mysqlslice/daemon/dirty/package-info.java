/** Which key ranges of which tables changed since the last cycle, in bounded memory. */
package dev.mysqlslice.daemon.dirty;
