package dev.mysqlslice.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How work on the source holds back (config section {@code throttle}, flags of the same names).
 *
 * @param maxLoad      wait while a source status variable is above its ceiling (default {@code Threads_running=25})
 * @param criticalLoad abort the command when a source status variable is above this
 * @param pauseFile    paused while this file exists
 * @param maxLag       wait while a listed replica is further behind than this
 * @param replicas     the source's replicas to watch, as DSNs ({@code h=replica1,P=3306}); the source's
 *                     user, password and TLS settings unless a DSN gives its own
 * @param chunkTime    how long one source scan or copy page should take (default 500 ms): their rows adapt
 */
public record ThrottleSettings(LoadLimit maxLoad, LoadLimit criticalLoad, Optional<Path> pauseFile,
                               Duration maxLag, List<String> replicas, ChunkTime chunkTime) {

    public ThrottleSettings {
        replicas = List.copyOf(replicas);
    }

    public ThrottleSettings(LoadLimit maxLoad, LoadLimit criticalLoad, Optional<Path> pauseFile) {
        this(maxLoad, criticalLoad, pauseFile, DEFAULT_MAX_LAG, List.of(), ChunkTime.standard());
    }

    public static final String DEFAULT_MAX_LOAD = "Threads_running=25";
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(1);

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(LoadLimit.parse(DEFAULT_MAX_LOAD).orElseThrow(), LoadLimit.NONE, Optional.empty());
    }

    public ThrottleSettings withMaxLoad(LoadLimit limit) {
        return new ThrottleSettings(limit, criticalLoad, pauseFile, maxLag, replicas, chunkTime);
    }

    public ThrottleSettings withCriticalLoad(LoadLimit limit) {
        return new ThrottleSettings(maxLoad, limit, pauseFile, maxLag, replicas, chunkTime);
    }

    public ThrottleSettings withPauseFile(Path file) {
        return new ThrottleSettings(maxLoad, criticalLoad, Optional.of(file), maxLag, replicas, chunkTime);
    }

    public ThrottleSettings withMaxLag(Duration lag) {
        return new ThrottleSettings(maxLoad, criticalLoad, pauseFile, lag, replicas, chunkTime);
    }

    public ThrottleSettings withChunkTime(ChunkTime time) {
        return new ThrottleSettings(maxLoad, criticalLoad, pauseFile, maxLag, replicas, time);
    }

    public ThrottleSettings withReplicas(List<String> dsns) {
        return new ThrottleSettings(maxLoad, criticalLoad, pauseFile, maxLag, dsns, chunkTime);
    }
}
