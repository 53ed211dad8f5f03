/** Shared test support: real source and target servers, a fresh database per test, scenario files, row-by-row comparison. */
package dev.mysqlslice.testing;
