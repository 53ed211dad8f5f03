/** The config file: immutable records read from YAML, every mistake reported at once. */
package dev.mysqlslice.config;
