/** The one unchecked exception root of mysqlslice and the kinds of failure it reports. */
package dev.mysqlslice.error;
