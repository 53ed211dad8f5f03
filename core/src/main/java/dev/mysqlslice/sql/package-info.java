/** SQL text built by small pure functions (tested against exact strings): key predicates, row encoding and hashes, copy statements. */
package dev.mysqlslice.sql;
