/** Dagger wiring of the command line: the component and the picocli factory backed by it. */
package dev.mysqlslice.cli.ioc;
