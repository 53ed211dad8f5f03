/** The composition root: the jar's entry point, the Dagger component and the picocli factory backed by it. */
package dev.mysqlslice.cli.ioc;
