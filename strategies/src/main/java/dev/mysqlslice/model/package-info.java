/** Values shared by every strategy: table shapes, keys, key ranges, reports. */
package dev.mysqlslice.model;
