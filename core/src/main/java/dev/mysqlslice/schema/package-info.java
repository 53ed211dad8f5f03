/** Reading table shapes from information_schema, choosing keys, comparing shapes, and schema pull. */
package dev.mysqlslice.schema;
