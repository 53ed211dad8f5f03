package dev.mysqlslice.model;

/** How a table ended up. */
public enum TableState {
    IDENTICAL("identical"),
    DIFFERENT("still different"),
    FAILED("failed");

    private final String label;

    TableState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
