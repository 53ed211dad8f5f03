package dev.mysqlslice.model;

/** Whether a strategy changes the target or only finds out what differs. */
public enum SyncMode {
    /** Make the target identical: write what differs. */
    APPLY,
    /** Find exactly what APPLY would change, write nothing. */
    DRY_RUN,
    /** Compare every row (whatever the strategy assumes), write nothing, sample the differing keys. */
    VERIFY;

    public boolean writes() {
        return this == APPLY;
    }
}
