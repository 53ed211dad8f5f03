/** How the command line logs: configured in code, as readable lines or JSON, never with a secret. */
package dev.mysqlslice.cli.logging;
