package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    @Test
    void theLiveBlockSaysWhyWorkIsHeldBackAndClearsTheLineWhenItGoesOn() {
        StringWriter out = new StringWriter();
        AtomicReference<Optional<String>> held = new AtomicReference<>(
                Optional.of("the source is busy: Threads_running=31 (ceiling 25)"));
        ProgressDisplay display = ProgressDisplay.start(new PrintWriter(out));
        display.heldBackBy(held::get);
        display.update("bar", "comparing", 3, 10, "ranges");
        display.close();

        assertThat(out.toString()).contains("bar  comparing 3 / 10 ranges")
                .contains("\033[2Kheld back: the source is busy: Threads_running=31 (ceiling 25)\n");
    }

    @Test
    void theHeldBackLineNamesTheReason() {
        assertThat(ProgressDisplay.heldLine("paused (mysqlslice pause)")).isEqualTo("held back: paused (mysqlslice pause)");
    }
}
