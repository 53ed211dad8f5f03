/** The config file: immutable records read from YAML (settings values such as load limits and chunk time among them), every mistake reported at once. */
package dev.mysqlslice.config;
