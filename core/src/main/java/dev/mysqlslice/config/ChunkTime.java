package dev.mysqlslice.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How long one source query of a comparison or copy should take ({@code --chunk-time},
 * {@code throttle.chunk-time-ms}): the rows each query covers adapt to it, and each such query
 * carries a time limit of {@value #LIMIT_FACTOR} times it (at least {@link #MIN_LIMIT}) after which
 * the source stops it and the work is tried again smaller. Zero turns both off.
 *
 * @param target the wanted duration of one query; zero for no pacing and no limit
 */
public record ChunkTime(Duration target) {

    public static final Duration DEFAULT = Duration.ofMillis(500);
    /** The time limit of a paced query, in multiples of the target. */
    public static final int LIMIT_FACTOR = 4;
    public static final Duration MIN_LIMIT = Duration.ofMillis(100);
    public static final ChunkTime OFF = new ChunkTime(Duration.ZERO);

    public ChunkTime {
        if (target.isNegative()) {
            throw new IllegalArgumentException("a chunk time cannot be negative: " + target);
        }
    }

    public static ChunkTime standard() {
        return new ChunkTime(DEFAULT);
    }

    public boolean enabled() {
        return !target.isZero();
    }

    /** The time limit each paced source query carries; empty when pacing is off. */
    public Optional<Duration> limit() {
        if (!enabled()) {
            return Optional.empty();
        }
        Duration limit = target.multipliedBy(LIMIT_FACTOR);
        return Optional.of(limit.compareTo(MIN_LIMIT) < 0 ? MIN_LIMIT : limit);
    }

    @Override
    public String toString() {
        return enabled() ? target.toMillis() + " ms" : "off";
    }
}
