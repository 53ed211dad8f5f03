/** The mysqlslice command line: thin picocli commands that parse options and call the services. */
package dev.mysqlslice.cli;
