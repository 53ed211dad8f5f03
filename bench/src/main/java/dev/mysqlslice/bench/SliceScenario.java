package dev.mysqlslice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S6: a live slice. {@code slice_ref} holds {@code rows} root rows, half of them
 * {@code kind = 'keep'}; each refers to a {@code slice_tok} row (rows/2 of them), each token to a
 * {@code slice_owner} (rows/100), and {@code slice_note} (rows/2) are children of the roots. The
 * daemon keeps the slice while a writer makes 100 changes/s for the S5 duration, mixing every kind
 * of slice change: roots entering and leaving, references moving, followed rows and root rows
 * updated, children moving, and a marker root row (a new member) every 100 ms whose lag is the
 * time from its commit on the source to its first sight on the target. The same writes run for
 * {@value #WARM_UP_SECONDS} s first, unmeasured: the daemon's first cycles after a start run
 * interpreted code and load classes (up to 0.4 s each on this machine), which is not the steady
 * state a daemon lives in.
 */
final class SliceScenario {

    private static final Logger LOG = LoggerFactory.getLogger(SliceScenario.class);
    static final int RATE = 100;
    static final int WARM_UP_SECONDS = 5;
    private static final long MARKER_BASE = 2_000_000_000L;
    private static final List<String> CREATE = List.of(
            "DROP TABLE IF EXISTS slice_note, slice_ref, slice_tok, slice_owner",
            "CREATE TABLE slice_owner (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL) ENGINE=InnoDB",
            "CREATE TABLE slice_tok (id INT PRIMARY KEY, owner_id INT NOT NULL, v VARCHAR(40) NOT NULL,"
                    + " KEY (owner_id)) ENGINE=InnoDB",
            "CREATE TABLE slice_ref (id BIGINT PRIMARY KEY, kind VARCHAR(8) NOT NULL, tok_id INT NOT NULL,"
                    + " payload VARCHAR(64) NOT NULL, KEY (tok_id)) ENGINE=InnoDB",
            "CREATE TABLE slice_note (id INT PRIMARY KEY, ref_id BIGINT NOT NULL, body VARCHAR(64) NOT NULL,"
                    + " KEY (ref_id)) ENGINE=InnoDB");
    private static final String TABLES = """
            tables:
              slice_ref:
                strategy: slice
                where: "kind = 'keep'"
                follow:
                  - slice_ref.tok_id -> slice_tok.id
                  - slice_tok.owner_id -> slice_owner.id
                children:
                  - slice_note.ref_id -> slice_ref.id
            """;

    private final Lab lab;
    private final BenchSettings settings;
    private final long roots;
    private final long toks;
    private final long owners;
    private final long notes;

    SliceScenario(Lab lab, BenchSettings settings) {
        this.lab = lab;
        this.settings = settings;
        this.roots = settings.rows();
        this.toks = Math.max(2, roots / 2);
        this.owners = Math.max(2, roots / 100);
        this.notes = Math.max(2, roots / 2);
    }

    Measurement run() {
        lab.execute(lab.source(), true, CREATE.toArray(String[]::new));
        lab.execute(lab.target(), true, CREATE.toArray(String[]::new));
        LOG.info("S6: generating a slice source of {} roots", roots);
        lab.execute(lab.source(), true, "SET SESSION sql_log_bin = 0",
                "INSERT INTO slice_owner SELECT seq, CONCAT('owner-', seq) FROM seq_1_to_" + owners,
                "INSERT INTO slice_tok SELECT seq, 1 + seq % " + owners + ", MD5(seq) FROM seq_1_to_" + toks,
                "INSERT INTO slice_ref SELECT seq, IF(seq % 2 = 0, 'keep', 'drop'), 1 + (seq * 7919) % " + toks
                        + ", CONCAT('payload-', MD5(seq)) FROM seq_1_to_" + roots,
                "INSERT INTO slice_note SELECT seq, 1 + (seq * 104729) % " + roots + ", CONCAT('note-', seq)"
                        + " FROM seq_1_to_" + notes);
        Path config = config();
        Timed.Run initial = Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("sync --incremental -q --config "
                + config));
        LOG.info("S6: initial slice built in {} s (exit {})", initial.seconds(), initial.exitCode());

        BenchDaemon daemon = BenchDaemon.start(lab, "s6", config, settings.daemonLog(), 300);
        long sentBefore = bytesSent();
        MarkerObserver observer = new MarkerObserver(lab, "slice_ref", MARKER_BASE);
        Thread watching = new Thread(observer, "bench-slice-observer");
        watching.start();
        Writer writer = new Writer();
        writer.run(WARM_UP_SECONDS, false);
        writer.run(settings.s5Seconds(), true);
        long writerEnd = System.nanoTime();
        observer.awaitAll(writer.markers.keySet(), 120);
        long sent = bytesSent() - sentBefore;
        observer.stop();
        long peakKb = daemon.stop();
        Timed.Run verify = Timed.shell(lab.dir(), lab.environment(), lab.mysqlslice("verify -q --config " + config));
        if (verify.exitCode() != 0) {
            LOG.warn("S6: verify after the daemon exited {}:\n{}", verify.exitCode(), verify.output());
            LOG.warn("S6: the daemon's log ends:\n{}", tail(lab.dir().resolve("s6-daemon.log"), 40));
        }

        MarkerObserver.Lags lags = observer.lags(writer.markers);
        long missing = lags.missing();
        List<Double> known = lags.known();
        JsonNode counters = daemon.report();
        long bytesRead = counters == null ? -1 : counters.path("bytesRead").asLong();
        long changes = Math.max(1, writer.written.get());
        String note = String.format(Locale.ROOT, "lag p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d markers%s"
                        + " (after a %d s warm-up); %d slice changes at %d/s; row bytes read from the source per change %.0f;"
                        + " bytes sent by the source per change (binlog included) %.0f; slice of %d roots (half kept)",
                LoadScenario.percentile(known, 50), LoadScenario.percentile(known, 99), LoadScenario.percentile(known, 100),
                known.size(), missing > 0 ? " (" + missing + " never seen)" : "", WARM_UP_SECONDS, writer.changes.get(), RATE,
                (double) bytesRead / changes, (double) sent / changes, roots);
        LOG.info("S6: {}", note);
        return new Measurement("S6 live slice", "mysqlslice daemon", (writerEnd - writer.started) / 1e9, 1,
                writer.changes.get(), 0, counters == null ? -1 : counters.path("rowsHashed").asLong(),
                counters == null ? -1 : counters.path("inserted").asLong(), bytesRead, peakKb / 1024,
                verify.exitCode() == 0 && missing == 0, note);
    }

    private Path config() {
        Path config = lab.config("s6", "crc32", "daemon:\n  heartbeat-ms: 500\n");
        try {
            String yaml = Files.readString(config);
            int tables = yaml.indexOf("tables:\n");
            Files.writeString(config, yaml.substring(0, tables) + TABLES);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private long bytesSent() {
        return Long.parseLong(lab.value(lab.source(), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'BYTES_SENT'"));
    }

    /** One slice change every 10 ms, a marker root row every tenth. */
    private final class Writer {
        final Map<Long, Long> markers = new ConcurrentHashMap<>();
        final AtomicLong changes = new AtomicLong();
        /** Every change written, the warm-up's too (the daemon's counters cover both). */
        final AtomicLong written = new AtomicLong();
        private final Random random = new Random(6);
        private long markerId = MARKER_BASE;
        long started;

        /** Writes for {@code seconds}; {@code measured}: markers are timed and the changes counted. */
        void run(int seconds, boolean measured) {
            try (Connection connection = lab.connect(lab.source(), true);
                 PreparedStatement toggle = connection.prepareStatement(
                         "UPDATE slice_ref SET kind = IF(kind = 'keep', 'drop', 'keep') WHERE id = ?");
                 PreparedStatement move = connection.prepareStatement("UPDATE slice_ref SET tok_id = ? WHERE id = ?");
                 PreparedStatement token = connection.prepareStatement("UPDATE slice_tok SET v = ? WHERE id = ?");
                 PreparedStatement owner = connection.prepareStatement("UPDATE slice_tok SET owner_id = ? WHERE id = ?");
                 PreparedStatement payload = connection.prepareStatement("UPDATE slice_ref SET payload = ? WHERE id = ?");
                 PreparedStatement child = connection.prepareStatement("UPDATE slice_note SET ref_id = ? WHERE id = ?");
                 PreparedStatement marker = connection.prepareStatement("INSERT INTO slice_ref VALUES (?, 'keep', ?, 'marker')")) {
                long start = System.nanoTime();
                if (measured) {
                    started = start;
                }
                long end = start + seconds * 1_000_000_000L;
                long tick = 0;
                while (System.nanoTime() < end) {
                    if (tick % 10 == 0) {
                        mark(marker, measured);
                    } else {
                        PreparedStatement statement = switch (random.nextInt(6)) {
                            case 0 -> bind(toggle, root());
                            case 1 -> bind(move, 1 + random.nextInt((int) toks), root());
                            case 2 -> bind(token, "v-" + tick, 1 + random.nextInt((int) toks));
                            case 3 -> bind(owner, 1 + random.nextInt((int) owners), 1 + random.nextInt((int) toks));
                            case 4 -> bind(payload, "changed-" + tick, root());
                            default -> bind(child, root(), 1 + random.nextInt((int) notes));
                        };
                        statement.executeUpdate();
                    }
                    written.incrementAndGet();
                    if (measured) {
                        changes.incrementAndGet();
                    }
                    tick++;
                    long wait = start + tick * (1_000_000_000L / RATE) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                // A closing marker after the last change: once it is seen, every change has been applied
                // (without it, the daemon could be stopped with the last few changes still unapplied).
                mark(marker, measured);
            } catch (SQLException e) {
                throw new IllegalStateException("S6 writer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Inserts a marker root row (a new slice member); {@code measured}: its commit time is noted. */
        private void mark(PreparedStatement marker, boolean measured) throws SQLException {
            long id = ++markerId;
            marker.setLong(1, id);
            marker.setLong(2, 1 + random.nextInt((int) toks));
            marker.executeUpdate();
            if (measured) {
                markers.put(id, System.nanoTime());
            }
        }

        private long root() {
            return 1 + (long) (random.nextDouble() * roots);
        }

        private PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }
    }
}
