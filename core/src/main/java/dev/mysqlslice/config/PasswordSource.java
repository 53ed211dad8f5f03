package dev.mysqlslice.config;

/** Where an endpoint's password comes from. */
public sealed interface PasswordSource {

    /** No password (e.g. socket authentication). */
    record None() implements PasswordSource {
    }

    /** Written in the config file or given as a flag. */
    record Literal(Secret secret) implements PasswordSource {
    }

    /** Read from the named environment variable when connecting. */
    record Environment(String variable) implements PasswordSource {
    }

    /** Asked for on the terminal when connecting. */
    record Prompt() implements PasswordSource {
    }
}
