package dev.mysqlslice.daemon.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a warning the first time it occurs, then at most once per interval, saying how often it
 * recurred in between, so a condition that repeats every event or every retry is seen without
 * flooding the log.
 */
final class RepeatedWarnings {

    private record Seen(long lastLoggedNanos, long suppressed) {
    }

    private final Duration interval;
    private final LongSupplier nanoTime;
    private final Map<String, Seen> seen = new HashMap<>();

    RepeatedWarnings(Duration interval, LongSupplier nanoTime) {
        this.interval = interval;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} (one line, no placeholders) unless {@code key} was logged less than an interval ago. */
    synchronized void warn(Logger log, String key, String message) {
        long now = nanoTime.getAsLong();
        Seen last = seen.get(key);
        if (last == null) {
            log.warn(message);
            seen.put(key, new Seen(now, 0));
        } else if (now - last.lastLoggedNanos() >= interval.toNanos()) {
            log.warn("{} (and {} more time(s) in the last {} s)", message, last.suppressed(),
                    Duration.ofNanos(now - last.lastLoggedNanos()).toSeconds());
            seen.put(key, new Seen(now, 0));
        } else {
            seen.put(key, new Seen(last.lastLoggedNanos(), last.suppressed() + 1));
        }
    }
}
