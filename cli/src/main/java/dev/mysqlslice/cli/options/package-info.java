/** Options shared by several commands, as picocli mixins. */
package dev.mysqlslice.cli.options;
