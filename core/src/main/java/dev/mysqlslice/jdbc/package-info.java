/** Endpoints, connections with the settings that make copying exact, identifier quoting and SQL error classification. */
package dev.mysqlslice.jdbc;
