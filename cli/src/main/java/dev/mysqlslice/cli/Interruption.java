package dev.mysqlslice.cli;

import dev.mysqlslice.strategy.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a one-shot command says when SIGTERM or Ctrl-C stops it: how far it got, what state the
 * tables are in, and that running it again finishes the job; then it exits 143 or 130. It follows
 * the run as a progress listener, passing updates on to the display.
 */
final class Interruption implements ProgressListener {

    private final ProgressListener display;
    private final PrintWriter err;
    private final boolean writes;
    private final AtomicInteger planned = new AtomicInteger(-1);
    private final AtomicInteger finished = new AtomicInteger();

    Interruption(ProgressListener display, PrintWriter err, boolean writes) {
        this.display = display;
        this.err = err;
        this.writes = writes;
    }

    /** Handles SIGTERM and SIGINT for the rest of the run. */
    void install() {
        Signals.onSignal("TERM", () -> stop("SIGTERM", ExitCodes.TERMINATED));
        Signals.onSignal("INT", () -> stop("Ctrl-C", ExitCodes.INTERRUPTED));
    }

    /** The message for an interrupt by {@code by} (pure, for tests). */
    String message(String by) {
        int total = planned.get();
        String progress = total < 0 ? "before any table was synced" : "with " + finished.get() + " of " + total
                + " table(s) done";
        return "mysqlslice: interrupted by " + by + " " + progress + "; " + (writes
                ? "every table is as it was or consistently repaired up to some point (nothing half-written stays),"
                        + " and running the same command again finishes the job"
                : "nothing was written; run the same command again for the full result");
    }

    private void stop(String by, int code) {
        err.println(message(by));
        err.flush();
        System.exit(code);
    }

    @Override
    public void update(String table, String phase, long done, long total, String unit) {
        display.update(table, phase, done, total, unit);
    }

    @Override
    public void planned(int tables) {
        planned.set(tables);
    }

    @Override
    public void finished(String table) {
        finished.incrementAndGet();
    }
}
