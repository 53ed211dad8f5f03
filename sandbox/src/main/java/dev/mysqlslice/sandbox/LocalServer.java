package dev.mysqlslice.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One throwaway server process living in its own directory: initialised, started, restarted,
 * stopped. The process outlives the JVM unless {@link #stop()} is called, so a CLI can start a
 * sandbox and a later CLI run can stop it through {@link #attach(Path)}.
 */
public final class LocalServer {

    /** The account every sandbox server has, over the unix socket and over TCP on 127.0.0.1. */
    public static final String USER = "mysqlslice";
    /** Its password; a sandbox never holds real data. */
    public static final String PASSWORD = "sandbox-pw-4711";

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String STATE_FILE = "server.properties";

    private final ServerBinaries binaries;
    private final String name;
    private final Path dir;
    private final int port;

    private LocalServer(ServerBinaries binaries, String name, Path dir, int port) {
        this.binaries = binaries;
        this.name = name;
        this.dir = dir;
        this.port = port;
    }

    /** Initialises a new data directory under {@code dir} and starts the server on a free port. */
    public static LocalServer create(ServerBinaries binaries, ServerSpec spec, Path dir) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(dir.resolve("binlog"));
            int port = FreePort.find();
            String options = OptionFile.render(binaries.flavor(), spec, dir, port, isRoot());
            Files.writeString(dir.resolve("my.cnf"), options, StandardCharsets.UTF_8);
            LocalServer server = new LocalServer(binaries, spec.name(), dir, port);
            server.writeState();
            server.initialise();
            server.start();
            server.bootstrapAccounts();
            return server;
        } catch (IOException e) {
            throw new SandboxException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Re-attaches to a server created earlier (possibly by another process) in {@code dir}. */
    public static LocalServer attach(Path dir) {
        Properties state = new Properties();
        try (var in = Files.newInputStream(dir.resolve(STATE_FILE))) {
            state.load(in);
        } catch (IOException e) {
            throw new SandboxException("no sandbox server in " + dir + ": " + e.getMessage(), e);
        }
        ServerBinaries binaries = ServerBinaries.require();
        return new LocalServer(binaries, state.getProperty("name"), dir, Integer.parseInt(state.getProperty("port")));
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path socket() {
        return dir.resolve("mysqld.sock");
    }

    public Flavor flavor() {
        return binaries.flavor();
    }

    /** The JDBC URL of this server over TCP, without credentials. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host() + ":" + port + "/";
    }

    /** The server's process id while it runs. */
    public Optional<Long> pid() {
        Path pidFile = dir.resolve("mysqld.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    /** Starts the server process (after {@link #stop()} or {@link #kill()}) and waits until it answers. */
    public void start() {
        List<String> command = List.of(binaries.server().toString(), "--defaults-file=" + dir.resolve("my.cnf"));
        Path log = dir.resolve("stdout.log");
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new SandboxException("cannot start " + binaries.server() + ": " + e.getMessage(), e);
        }
        awaitReady();
        LOG.info("sandbox {} server up on 127.0.0.1:{} ({})", name, port, dir);
    }

    /** Shuts the server down cleanly and waits for the process to exit. */
    public void stop() {
        Optional<ProcessHandle> process = pid().flatMap(ProcessHandle::of);
        if (process.isEmpty()) {
            return;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
        awaitGone(process.get());
    }

    /** Kills the server process without letting it shut down (like a crash). */
    public void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(process -> {
            process.destroyForcibly();
            awaitGone(process);
        });
    }

    /**
     * Freezes ({@code true}: SIGSTOP) or thaws (SIGCONT) the server process: its connections stay
     * open but nothing answers, like a network path that silently stopped carrying packets.
     */
    public void freeze(boolean frozen) {
        long process = pid().orElseThrow(() -> new SandboxException("the " + name + " server is not running"));
        run(List.of("kill", frozen ? "-STOP" : "-CONT", Long.toString(process)), Duration.ofSeconds(10));
    }

    /** Stops the server and deletes its directory. */
    public void destroy() {
        stop();
        deleteRecursively(dir);
    }

    /** Runs SQL through the command-line client as root over the socket; returns its standard output. */
    public String execAsRoot(String sql) {
        List<String> command = new ArrayList<>(List.of(binaries.client().toString(), "--no-defaults",
                "--user=root", "--socket=" + socket(), "--batch", "--skip-column-names", "-e", sql));
        return run(command, Duration.ofMinutes(5));
    }

    private void initialise() {
        List<String> command = new ArrayList<>();
        if (binaries.flavor() == Flavor.MARIADB) {
            command.addAll(List.of(binaries.installDb().toString(), "--defaults-file=" + dir.resolve("my.cnf"),
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
        } else {
            command.addAll(List.of(binaries.server().toString(), "--defaults-file=" + dir.resolve("my.cnf"),
                    "--initialize-insecure"));
        }
        run(command, Duration.ofMinutes(3));
    }

    private void bootstrapAccounts() {
        StringBuilder sql = new StringBuilder("SET SESSION sql_log_bin = 0;");
        for (String host : List.of("localhost", "127.0.0.1")) {
            String account = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '").append(PASSWORD).append("';")
                    .append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;");
        }
        execAsRoot(sql.toString());
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastError = "";
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(socket())) {
                try {
                    execAsRoot("SELECT 1");
                    return;
                } catch (SandboxException e) {
                    lastError = e.getMessage();
                }
            }
            sleep(100);
        }
        throw new SandboxException("sandbox " + name + " server did not answer within " + START_TIMEOUT.toSeconds()
                + " s: " + lastError + "; its log says: " + tail(dir.resolve("error.log")));
    }

    private static void awaitGone(ProcessHandle process) {
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
    }

    private void writeState() throws IOException {
        Properties state = new Properties();
        state.setProperty("name", name);
        state.setProperty("port", Integer.toString(port));
        try (var out = Files.newOutputStream(dir.resolve(STATE_FILE))) {
            state.store(out, "mysqlslice sandbox server");
        }
    }

    private String run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SandboxException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new SandboxException(command.get(0) + " failed (exit " + process.exitValue() + "): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new SandboxException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running " + command.get(0), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", root, e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a sandbox server", e);
        }
    }
}
