/** Finding what differs: range and bucket hashes on both servers at once, narrowing to leaves, row-level diffs. */
package dev.mysqlslice.hash;
