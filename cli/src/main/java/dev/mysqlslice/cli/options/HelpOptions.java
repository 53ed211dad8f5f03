package dev.mysqlslice.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} and {@code -V}/{@code --version} on every command. Picocli's own
 * ({@code mixinStandardHelpOptions}) is an annotated command it inspects in full each time a
 * command line is built (about a fifth of building one, sampled with JFR); this is two fields.
 */
public final class HelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;
}
