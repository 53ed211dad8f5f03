package dev.mysqlslice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code mysqlslice daemon} started the way users run it, under GNU time (for its peak RSS), with
 * its log and its {@code --report} in the lab's directory: what S5 and S6 share.
 */
final class BenchDaemon {

    private final Process process;
    private final Path report;
    private final Path time;

    private BenchDaemon(Process process, Path report, Path time) {
        this.process = process;
        this.report = report;
        this.time = time;
    }

    /** Starts the daemon named {@code name} (files {@code name-*.}) and waits until it follows the binlog. */
    static BenchDaemon start(Lab lab, String name, Path config, String logFlags, int startSeconds) {
        Path report = lab.dir().resolve(name + "-report.json");
        Path log = lab.dir().resolve(name + "-daemon.log");
        Path time = lab.dir().resolve(name + "-time.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec /usr/bin/time -f '%e %M' -o " + time + " "
                + lab.mysqlslice("daemon " + logFlags + " --config " + config + " --report " + report))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(lab.environment());
        try {
            Process process = builder.start();
            awaitLog(log, "following the source binlog", startSeconds);
            Thread.sleep(1000);
            return new BenchDaemon(process, report, time);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it (SIGTERM to the daemon itself: GNU time does not pass signals on); its peak RSS in KB, -1 if unknown. */
    long stop() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        try {
            process.waitFor();
            String[] fields = Files.readString(time).strip().split("\n");
            return Long.parseLong(fields[fields.length - 1].split(" ")[1]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The counters it wrote on stop, or null. */
    JsonNode report() {
        try {
            return Files.exists(report) ? new ObjectMapper().readTree(report.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void awaitLog(Path log, String text, int seconds) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + Math.max(1, seconds) * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the daemon did not log '" + text + "': " + Files.readString(log));
    }
}
