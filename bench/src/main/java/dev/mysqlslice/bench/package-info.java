/** The benchmark: mysqlslice side by side with mysqldump, mydumper/myloader and pt-table-sync on throwaway servers. */
package dev.mysqlslice.bench;
