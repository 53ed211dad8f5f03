package dev.mysqlslice.throttle;

import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The size of the next piece of source work (rows per query), adapted so that each query takes
 * about the {@link ChunkTime}: the source's speed in rows per second is followed as a moving
 * average of what each query took, and the next size is what that speed reads in the target time.
 * A query that took more than twice the target resets the speed at once (a slow stretch shrinks
 * the next query right away), growth is at most doubling per query (a fast sparse stretch does not
 * overshoot), and sizes stay within [{@code min}, {@code max}]. With pacing off the size is always
 * {@code max}. One pace belongs to one table's reads; it is safe to share between threads.
 */
public final class Pace {

    /** The weight of the past in the speed's moving average. */
    static final double PAST_WEIGHT = 0.5;
    /** How much smaller a query is tried again after the source stopped it at its time limit. */
    static final int SHRINK_AFTER_LIMIT = 4;
    /** How many times a query of the smallest size is tried when the source keeps stopping it. */
    static final int ATTEMPTS_AT_MIN = 3;
    private static final int KEPT_TIMES = 100_000;

    private final ChunkTime time;
    private final long min;
    private final long max;
    private long size;
    private double rowsPerSecond = Double.NaN;
    private int stoppedAtMin;
    private final List<Long> millis = new ArrayList<>();

    public Pace(ChunkTime time, long start, long min, long max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bad pace bounds [" + min + ", " + max + "]");
        }
        this.time = time;
        this.min = min;
        this.max = max;
        this.size = time.enabled() ? Math.max(min, Math.min(max, start)) : max;
    }

    /** A pace that never changes: every query is {@code size} rows and carries no time limit. */
    public static Pace fixed(long size) {
        return new Pace(ChunkTime.OFF, size, size, size);
    }

    /** How many rows the next query should cover. */
    public synchronized long size() {
        return size;
    }

    /** The time limit the next query carries, if pacing is on. */
    public Optional<Duration> limit() {
        return time.limit();
    }

    /** Records that a query over {@code rows} rows took {@code nanos}, and sizes the next one. */
    public void took(long rows, long nanos) {
        took(rows, nanos, 1);
    }

    /** Records that {@code queries} queries one after the other over {@code rows} rows in all took {@code nanos}. */
    public synchronized void took(long rows, long nanos, int queries) {
        for (int i = 0; i < queries && millis.size() < KEPT_TIMES; i++) {
            millis.add(nanos / queries / 1_000_000);
        }
        stoppedAtMin = 0;
        if (!time.enabled() || rows <= 0) {
            return;
        }
        double seconds = Math.max(nanos, 1_000) / 1e9;
        double observed = rows / seconds;
        long targetNanos = time.target().toNanos();
        rowsPerSecond = Double.isNaN(rowsPerSecond) || nanos > 2 * targetNanos ? observed
                : PAST_WEIGHT * rowsPerSecond + (1 - PAST_WEIGHT) * observed;
        double wanted = rowsPerSecond * targetNanos / 1e9;
        long next = (long) Math.min(wanted, 2.0 * Math.max(size, rows));
        size = Math.max(min, Math.min(max, next));
    }

    /**
     * After the source stopped a query of {@code rows} rows at its time limit: makes the next one
     * smaller and says whether to try again (false once the smallest size was stopped
     * {@value #ATTEMPTS_AT_MIN} times: the caller reports it).
     */
    public synchronized boolean stopped(long rows) {
        if (rows <= min) {
            stoppedAtMin++;
            return stoppedAtMin < ATTEMPTS_AT_MIN;
        }
        size = Math.max(min, Math.min(size, rows / SHRINK_AFTER_LIMIT));
        rowsPerSecond = Double.NaN;
        return true;
    }

    /** The smallest size. */
    public long min() {
        return min;
    }

    /**
     * What to throw when the source kept stopping the smallest query ({@link #stopped} said no):
     * a one-line error naming the settings that fix it.
     */
    public MysqlsliceException gaveUp(String doing, MysqlsliceException cause) {
        return new MysqlsliceException(Failure.TIME_LIMIT, "the source kept stopping " + doing + " at its time limit of "
                + time.limit().map(Duration::toMillis).orElse(0L) + " ms, even at the smallest size: the source is too busy, or the rows too wide, for --chunk-time "
                + time.target().toMillis() + " (throttle.chunk-time-ms); raise it (the limit is " + ChunkTime.LIMIT_FACTOR
                + " times it), lower chunk-rows, or set --chunk-time 0 to read without a limit", cause);
    }

    /** How long each query recorded so far took, in ms, in order (the first {@value #KEPT_TIMES}). */
    public synchronized List<Long> millis() {
        return Collections.unmodifiableList(new ArrayList<>(millis));
    }
}
