/** TLS to the servers: PEM files read into in-memory trust and key stores, one socket wrapper for JDBC and the binlog. */
package dev.mysqlslice.tls;
