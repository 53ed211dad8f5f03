package dev.mysqlslice.cli;

import dev.mysqlslice.concurrent.DaemonThreads;
import dev.mysqlslice.strategy.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far each table is: on a terminal a live block of lines redrawn in place (done of
 * total, rate, ETA, and a last line while work on the source is held back, saying why);
 * otherwise one log line per table every {@link #LOG_EVERY} (the throttle logs its own lines when
 * holding back starts and ends).
 */
public final class ProgressDisplay implements ProgressListener, AutoCloseable {

    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ProgressDisplay.class);

    /** One table's latest progress. */
    record State(String phase, long done, long total, String unit, long phaseStartMillis) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final PrintWriter terminal;
    private final ScheduledExecutorService ticker;
    private int linesDrawn;
    private volatile Supplier<Optional<String>> heldBack = Optional::empty;

    private ProgressDisplay(PrintWriter terminal, LongSupplier clock) {
        this.terminal = terminal;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mysqlslice-progress"));
        if (terminal != null) {
            ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker.scheduleAtFixedRate(this::log, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A live display on {@code terminal}, or periodic log lines when it is {@code null}. */
    public static ProgressDisplay start(PrintWriter terminal) {
        return new ProgressDisplay(terminal, System::currentTimeMillis);
    }

    @Override
    public void update(String table, String phase, long done, long total, String unit) {
        states.compute(table, (name, previous) -> new State(phase, done, total, unit,
                previous != null && previous.phase().equals(phase) ? previous.phaseStartMillis() : clock.getAsLong()));
    }

    @Override
    public void heldBackBy(Supplier<Optional<String>> source) {
        this.heldBack = source;
    }

    /** The line shown while work on the source is held back. */
    static String heldLine(String why) {
        return "held back: " + why;
    }

    /** The line shown for one table, e.g. "bar  copying 50,000 / 1,000,000 rows  12,000 rows/s  ETA 79 s". */
    static String line(String table, State state, long now) {
        double seconds = Math.max(0.001, (now - state.phaseStartMillis()) / 1000.0);
        double rate = state.done() / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s  %s %,d", table, state.phase(), state.done()));
        if (state.total() > 0) {
            line.append(String.format(Locale.ROOT, " / %,d", state.total()));
        }
        line.append(' ').append(state.unit());
        if (state.done() > 0) {
            line.append(String.format(Locale.ROOT, "  %,.0f %s/s", rate, state.unit()));
            if (state.total() > state.done()) {
                line.append(String.format(Locale.ROOT, "  ETA %.0f s", (state.total() - state.done()) / rate));
            }
        }
        return line.toString();
    }

    private synchronized void draw() {
        long now = clock.getAsLong();
        StringBuilder block = new StringBuilder();
        if (linesDrawn > 0) {
            block.append("\033[").append(linesDrawn).append('A');
        }
        Map<String, State> sorted = new TreeMap<>(states);
        sorted.forEach((table, state) -> block.append("\033[2K").append(line(table, state, now)).append('\n'));
        Optional<String> held = heldBack.get();
        held.ifPresent(why -> block.append("\033[2K").append(heldLine(why)).append('\n'));
        if (held.isEmpty() && linesDrawn > sorted.size()) {
            block.append("\033[2K\n");
        }
        terminal.print(block);
        terminal.flush();
        linesDrawn = sorted.size() + (held.isPresent() || linesDrawn > sorted.size() ? 1 : 0);
    }

    private void log() {
        long now = clock.getAsLong();
        String held = heldBack.get().map(why -> " (" + heldLine(why) + ")").orElse("");
        new TreeMap<>(states).forEach((table, state) -> LOG.info("progress: {}{}", line(table, state, now), held));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (terminal != null) {
            draw();
        }
    }
}
