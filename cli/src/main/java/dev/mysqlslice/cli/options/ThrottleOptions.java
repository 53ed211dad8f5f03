package dev.mysqlslice.cli.options;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.ThrottleSettings;
import dev.mysqlslice.config.ChunkTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --max-load}, {@code --critical-load}, {@code --max-lag}, {@code --chunk-time} and {@code --pause-file}: the config's throttle section, from flags (winning). */
public final class ThrottleOptions {

    @Option(names = "--max-load", paramLabel = "VAR=N[,VAR=N]",
            description = "Wait while a source status variable is above its ceiling, checked once a second"
                    + " (default Threads_running=25; none: never wait).")
    String maxLoad;

    @Option(names = "--critical-load", paramLabel = "VAR=N[,VAR=N]",
            description = "Stop (exit 7) when a source status variable is above this; the target stays consistent.")
    String criticalLoad;

    @Option(names = "--max-lag", paramLabel = "SECONDS", description = "Wait while a replica listed in"
            + " throttle.replicas is further behind than this (default 1).")
    Integer maxLag;

    @Option(names = "--chunk-time", paramLabel = "MS", description = "How long one source scan or copy page should"
            + " take: the rows each covers adapt to it, and the source stops one after " + ChunkTime.LIMIT_FACTOR
            + " times it (it is then tried again smaller). Default 500; 0: fixed sizes, no time limit.")
    Integer chunkTime;

    @Option(names = "--pause-file", paramLabel = "FILE", description = "Hold back all work on the source while FILE exists.")
    Path pauseFile;

    /** The config with these flags' settings in place of the file's. */
    public Config apply(Config config) {
        ThrottleSettings settings = config.throttle();
        if (maxLoad != null) {
            settings = settings.withMaxLoad(ConfigLoader.loadLimitFlag("--max-load", maxLoad));
        }
        if (criticalLoad != null) {
            settings = settings.withCriticalLoad(ConfigLoader.loadLimitFlag("--critical-load", criticalLoad));
        }
        if (maxLag != null) {
            if (maxLag < 0) {
                throw new ConfigException("the command line", List.of(
                        new ConfigProblem("--max-lag", "must be 0 or more seconds, got " + maxLag)));
            }
            settings = settings.withMaxLag(Duration.ofSeconds(maxLag));
        }
        if (chunkTime != null) {
            if (chunkTime < 0 || chunkTime > ConfigLoader.MAX_CHUNK_TIME_MS) {
                throw new ConfigException("the command line", List.of(new ConfigProblem("--chunk-time",
                        "must be 0 to " + ConfigLoader.MAX_CHUNK_TIME_MS + " ms, got " + chunkTime)));
            }
            settings = settings.withChunkTime(new ChunkTime(Duration.ofMillis(chunkTime)));
        }
        if (pauseFile != null) {
            settings = settings.withPauseFile(pauseFile.toAbsolutePath());
        }
        return config.withThrottle(settings);
    }
}
