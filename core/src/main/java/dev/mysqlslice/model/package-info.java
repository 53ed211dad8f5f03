/** Values shared by every strategy: table shapes, keys, key ranges, table plans, sync modes and reports. */
package dev.mysqlslice.model;
