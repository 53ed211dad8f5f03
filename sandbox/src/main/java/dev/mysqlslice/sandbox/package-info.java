/** Throwaway local MariaDB/MySQL servers, started from the binaries on PATH, for tests, the demo and the benchmark. */
package dev.mysqlslice.sandbox;
