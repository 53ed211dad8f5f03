package dev.mysqlslice.daemon.binlog;

/**
 * Why changes in the binlog could not be read key by key, so that tables are compared in full
 * instead: each cause has a metric tag and the fix an operator can apply, when there is one.
 */
public enum Unaccounted {
    /** A rows event (or its table map) of a tracked table the decoder could not read. */
    UNDECODABLE_ROWS("undecodable_rows", ""),
    /** MySQL's PARTIAL_UPDATE_ROWS_EVENT: the binlog library has no decoder for it. */
    PARTIAL_JSON("partial_json", "; set binlog_row_value_options='' on the source (it is session-settable)"),
    /** Data changed by a statement-format session: the rows are not in the binlog. */
    STATEMENT_FORMAT("statement_format", "; keep binlog_format=ROW in every source session (SET GLOBAL"
            + " binlog_format='ROW', then reconnect the writers)"),
    /** An event that could not be decoded at all, so its tables are unknown. */
    UNDECODABLE_EVENT("undecodable_event", ""),
    /** An event type the daemon does not know, which may carry row changes. */
    UNKNOWN_EVENT("unknown_event", "; please report the event type"),
    /** The source wrote an INCIDENT event: it lost changes it could not log. */
    INCIDENT("incident", ""),
    /** Routing an event failed inside mysqlslice. */
    ROUTING_FAILURE("routing_failure", "; please report this with the log line");

    private final String tag;
    private final String fix;

    Unaccounted(String tag, String fix) {
        this.tag = tag;
        this.fix = fix;
    }

    /** The metric tag, e.g. {@code statement_format}. */
    public String tag() {
        return tag;
    }

    /** What to do about it, starting with "; ", or empty. */
    public String fix() {
        return fix;
    }
}
