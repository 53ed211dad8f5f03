package dev.mysqlslice.config;

/** Which side of the sync an endpoint is; also the config section it is read from. */
public enum Role {
    /** The remote server that is only ever read. */
    SOURCE("source"),
    /** The local server that is written. */
    TARGET("target");

    private final String section;

    Role(String section) {
        this.section = section;
    }

    /** The config section, e.g. "source". */
    public String section() {
        return section;
    }
}
