package dev.mysqlslice.jdbc;

/**
 * Asked before each statement of a session: returns at once, waits while the work must hold back
 * (the source is busy, a pause was asked for), or throws to abort it.
 */
@FunctionalInterface
public interface StatementGate {

    /** Lets every statement through. */
    StatementGate OPEN = () -> { };

    void beforeStatement();
}
