package dev.mysqlslice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command under GNU time: wall seconds and the peak resident memory of the process tree's largest member. */
final class Timed {

    /** One finished run. */
    record Run(double seconds, long peakRssKb, int exitCode, String output) {
    }

    private Timed() {
    }

    /** Runs {@code shell} with bash (pipes allowed) and the given extra environment. */
    static Run shell(Path workDir, Map<String, String> environment, String shell) {
        return run(workDir, environment, List.of("bash", "-o", "pipefail", "-c", shell));
    }

    static Run run(Path workDir, Map<String, String> environment, List<String> command) {
        try {
            Path timing = Files.createTempFile(workDir, "time-", ".txt");
            Path output = Files.createTempFile(workDir, "out-", ".txt");
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", timing.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String[] fields = lastLine(Files.readString(timing, StandardCharsets.UTF_8)).split(" ");
            return new Run(Double.parseDouble(fields[0]), Long.parseLong(fields[1]), process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
