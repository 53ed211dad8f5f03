/** Every difference between MySQL and MariaDB that mysqlslice's SQL depends on, in one place. */
package dev.mysqlslice.dialect;
