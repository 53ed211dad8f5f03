package dev.mysqlslice.throttle;

import dev.mysqlslice.config.LoadLimit;
import dev.mysqlslice.config.ThrottleSettings;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.StatementGate;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether work on the source may go on, and holds it back while not: asked before each
 * source statement (and by the daemon before each cycle), it looks at the source's status at most
 * once per {@link #CHECK_EVERY}, so it costs one small query a second however busy the work. While
 * held back it checks again every {@link #CHECK_EVERY}; nothing is lost, the work just waits. One
 * INFO line says when and why holding back starts, one when it ends. Reaching the critical load
 * aborts the command ({@link Failure#CRITICAL_LOAD}).
 */
public final class Throttle implements StatementGate {

    private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);

    /** How often the source's status is read, and how long a held-back statement sleeps between checks. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** Why work is held back, for the metric's label. */
    public enum Reason {
        LOAD("max_load"), REPLICA_LAG("replica_lag"), PAUSED("paused"), PAUSE_FILE("pause_file");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** Reads global status variables of the source. */
    @FunctionalInterface
    public interface StatusProbe {
        Map<String, Long> read(Set<String> names);
    }

    /** Says whether a replica is too far behind (and which, how far), or cannot be told. */
    @FunctionalInterface
    public interface LagProbe {
        LagProbe NONE = Optional::empty;

        Optional<String> lagging();
    }

    /** Waits; a test passes one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Held(Reason reason, String detail) {
    }

    private final ThrottleSettings settings;
    private final StatusProbe probe;
    private final LagProbe lag;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final Set<String> variables;
    private final Map<Reason, LongAdder> heldMillis = new ConcurrentHashMap<>();
    private volatile boolean paused;
    private volatile Optional<Held> current = Optional.empty();
    private long checkedAt;
    private long lastMark;
    private long heldSince;
    private boolean checkedOnce;
    private Optional<Held> lastLoad = Optional.empty();
    private MysqlsliceException critical;

    public Throttle(ThrottleSettings settings, StatusProbe probe, LongSupplier nanos, Sleeper sleeper) {
        this(settings, probe, LagProbe.NONE, nanos, sleeper);
    }

    /** A throttle that also waits while {@code lag} says a replica is too far behind. */
    public Throttle(ThrottleSettings settings, StatusProbe probe, LagProbe lag, LongSupplier nanos, Sleeper sleeper) {
        this.settings = settings;
        this.probe = probe;
        this.lag = lag;
        this.nanos = nanos;
        this.sleeper = sleeper;
        Set<String> names = new LinkedHashSet<>(settings.maxLoad().ceilings().keySet());
        names.addAll(settings.criticalLoad().ceilings().keySet());
        this.variables = Collections.unmodifiableSet(names);
    }

    /** A throttle that never holds anything back (tests, and commands that do not read the source). */
    public static Throttle none() {
        return new Throttle(new ThrottleSettings(LoadLimit.NONE, LoadLimit.NONE, Optional.empty()), names -> Map.of(),
                System::nanoTime, duration -> { });
    }

    @Override
    public void beforeStatement() {
        await();
    }

    /** Returns once work may go on; throws when the critical load was reached or the thread is interrupted. */
    public void await() {
        Optional<String> held = poll();
        try {
            while (held.isPresent()) {
                sleeper.sleep(CHECK_EVERY);
                held = poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysqlsliceException(Failure.INTERRUPTED, "interrupted while holding back work on the source", e);
        }
    }

    /**
     * Whether work must hold back now, and why, without waiting (the daemon keeps its loop going while
     * held back); logs when holding back starts and ends, and counts the time held back.
     */
    public Optional<String> poll() {
        Optional<Held> held = check();
        synchronized (this) {
            long now = nanos.getAsLong();
            current.ifPresent(previous -> heldMillis.computeIfAbsent(previous.reason(), reason -> new LongAdder())
                    .add((now - lastMark) / 1_000_000));
            lastMark = now;
            if (held.isPresent() && (current.isEmpty() || current.get().reason() != held.get().reason())) {
                LOG.info("holding back work on the source: {}", held.get().detail());
                if (current.isEmpty()) {
                    heldSince = now;
                }
            } else if (held.isEmpty() && current.isPresent()) {
                LOG.info("going on after holding back for {} s ({})", Duration.ofNanos(now - heldSince).toSeconds(),
                        current.get().detail());
            }
            current = held;
        }
        return held.map(Held::detail);
    }

    /** Holds back all work until {@link #resume()} ({@code mysqlslice pause}). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Why work is held back right now, if it is (for status, health and progress). */
    public Optional<String> heldBack() {
        return current.map(Held::detail);
    }

    /** How long work was held back so far, by reason, in ms. */
    public long heldMillis(Reason reason) {
        LongAdder adder = heldMillis.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    /** Whether work may go on now, and if not why; reads the source's status at most once per {@link #CHECK_EVERY}. */
    private synchronized Optional<Held> check() {
        if (critical != null) {
            throw critical;
        }
        if (paused) {
            return Optional.of(new Held(Reason.PAUSED, "paused (mysqlslice pause; mysqlslice resume goes on)"));
        }
        if (settings.pauseFile().isPresent() && Files.exists(settings.pauseFile().get())) {
            return Optional.of(new Held(Reason.PAUSE_FILE, "paused while the file " + settings.pauseFile().get()
                    + " exists"));
        }
        if (variables.isEmpty() && lag == LagProbe.NONE) {
            return Optional.empty();
        }
        long now = nanos.getAsLong();
        if (checkedOnce && now - checkedAt < CHECK_EVERY.toNanos()) {
            return lastLoad;
        }
        checkedOnce = true;
        checkedAt = now;
        Map<String, Long> status = variables.isEmpty() ? Map.of() : canonical(probe.read(variables));
        Optional<String> over = settings.criticalLoad().exceeded(status);
        if (over.isPresent()) {
            critical = new MysqlsliceException(Failure.CRITICAL_LOAD, "the source reached the critical load "
                    + over.get() + " (--critical-load " + settings.criticalLoad() + "); stopped without leaving a"
                    + " half-written batch; run again when the source is quieter, or raise throttle.critical-load");
            throw critical;
        }
        lastLoad = settings.maxLoad().exceeded(status)
                .map(detail -> new Held(Reason.LOAD, "the source is busy: " + detail + ", --max-load "
                        + settings.maxLoad()))
                .or(() -> lag.lagging().map(detail -> new Held(Reason.REPLICA_LAG, detail)));
        return lastLoad;
    }

    private static Map<String, Long> canonical(Map<String, Long> status) {
        Map<String, Long> names = new HashMap<>();
        status.forEach((name, value) -> names.put(LoadLimit.canonical(name), value));
        return names;
    }
}
