package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.strategy.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InterruptionTest {

    @Test
    void saysHowFarTheRunGotAndWhatStateTheTablesAreIn() {
        Interruption sync = new Interruption(ProgressListener.NONE, new PrintWriter(new StringWriter()), true);
        assertThat(sync.message("Ctrl-C")).isEqualTo("mysqlslice: interrupted by Ctrl-C before any table was synced;"
                + " every table is as it was or consistently repaired up to some point (nothing half-written stays),"
                + " and running the same command again finishes the job");
        sync.planned(3);
        sync.finished("a");
        assertThat(sync.message("SIGTERM")).startsWith("mysqlslice: interrupted by SIGTERM with 1 of 3 table(s) done;");

        Interruption verify = new Interruption(ProgressListener.NONE, new PrintWriter(new StringWriter()), false);
        assertThat(verify.message("SIGTERM")).endsWith("nothing was written; run the same command again for the full result");
    }
}
