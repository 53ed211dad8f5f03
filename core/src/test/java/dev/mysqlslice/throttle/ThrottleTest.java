package dev.mysqlslice.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.LoadLimit;
import dev.mysqlslice.config.ThrottleSettings;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrottleTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final Deque<Long> running = new ArrayDeque<>();

    @TempDir
    Path dir;

    private Throttle throttle(String maxLoad, String criticalLoad, Optional<Path> pauseFile) {
        ThrottleSettings settings = new ThrottleSettings(LoadLimit.parse(maxLoad).orElseThrow(),
                LoadLimit.parse(criticalLoad).orElseThrow(), pauseFile);
        return new Throttle(settings, names -> {
            reads.incrementAndGet();
            return Map.of("THREADS_RUNNING", running.size() > 1 ? running.pop() : running.peek());
        }, clock::get, duration -> clock.addAndGet(duration.toNanos()));
    }

    @Test
    void waitsWhileTheLoadIsAboveTheCeilingCheckingOncePerSecond() {
        running.addAll(List.of(40L, 31L, 26L, 3L));
        Throttle throttle = throttle("Threads_running=25", "none", Optional.empty());

        throttle.await();

        assertThat(reads.get()).isEqualTo(4);
        assertThat(clock.get()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(throttle.heldMillis(Throttle.Reason.LOAD)).isEqualTo(3000);
        assertThat(throttle.heldBack()).isEmpty();
        // Statements within the same second do not read the status again.
        throttle.await();
        throttle.await();
        assertThat(reads.get()).isEqualTo(4);
    }

    @Test
    void theCriticalLoadAbortsAndKeepsAborting() {
        running.add(60L);
        Throttle throttle = throttle("Threads_running=25", "Threads_running=50", Optional.empty());

        assertThatThrownBy(throttle::await).isInstanceOf(MysqlsliceException.class)
                .satisfies(e -> assertThat(((MysqlsliceException) e).failure()).isEqualTo(Failure.CRITICAL_LOAD))
                .hasMessageContaining("Threads_running=60 (ceiling 50)").hasMessageContaining("--critical-load");
        running.clear();
        running.add(1L);
        assertThatThrownBy(throttle::await).isInstanceOf(MysqlsliceException.class);
    }

    @Test
    void pausedByHandOrByFileUntilResumedOrRemoved() throws Exception {
        running.add(1L);
        Path file = dir.resolve("pause");
        Throttle throttle = throttle("none", "none", Optional.of(file));

        assertThat(throttle.poll()).isEmpty();
        Files.writeString(file, "");
        assertThat(throttle.poll()).get().asString().contains("exists");
        Files.delete(file);
        throttle.pause();
        assertThat(throttle.poll()).get().asString().startsWith("paused");
        assertThat(throttle.heldBack()).isPresent();
        throttle.resume();
        assertThat(throttle.poll()).isEmpty();
        assertThat(reads.get()).isZero();
    }
}
