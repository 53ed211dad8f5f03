package dev.mysqlslice.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real runnable jar in its own process, for tests that kill it or read its complete output. */
public final class JarProcess {

    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static JarProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        String jar = System.getProperty("mysqlslice.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("the runnable jar is missing (" + jar + "); run through mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "mysqlslice-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), output);
    }

    /** Waits for the process to end; returns its exit code. */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mysqlslice did not finish within " + seconds + " s: " + output());
        }
        return process.exitValue();
    }

    /** SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
