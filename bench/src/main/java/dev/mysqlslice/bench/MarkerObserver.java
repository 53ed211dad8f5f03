package dev.mysqlslice.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the target for marker rows (ids above a start, in a table) and records when each was first seen. */
final class MarkerObserver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MarkerObserver.class);

    final Map<Long, Long> seen = new ConcurrentHashMap<>();
    private final Lab lab;
    private final String table;
    private final long after;
    private final AtomicBoolean running = new AtomicBoolean(true);

    MarkerObserver(Lab lab, String table, long after) {
        this.lab = lab;
        this.table = table;
        this.after = after;
    }

    @Override
    public void run() {
        try (Connection connection = lab.connect(lab.target(), true);
             PreparedStatement poll = connection.prepareStatement("SELECT id FROM " + table + " WHERE id > ? ORDER BY id")) {
            long last = after;
            while (running.get()) {
                poll.setLong(1, last);
                try (ResultSet rows = poll.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        last = Math.max(last, rows.getLong(1));
                        seen.putIfAbsent(rows.getLong(1), now);
                    }
                } catch (SQLException e) {
                    // A slice rebuild swaps the table: poll again.
                }
                Thread.sleep(2);
            }
        } catch (SQLException e) {
            LOG.warn("marker observer: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The lag of each marker, commit to first sight, in ms (sorted), and how many were never seen.
     *
     * @param committed when each marker committed on the source (System.nanoTime)
     */
    record Lags(List<Double> known, long missing) {
    }

    Lags lags(Map<Long, Long> committed) {
        List<Double> known = new ArrayList<>();
        long[] missing = {0};
        committed.forEach((id, at) -> {
            Long first = seen.get(id);
            if (first == null) {
                missing[0]++;
            } else {
                known.add(Math.max(0, first - at) / 1_000_000.0);
            }
        });
        known.sort(null);
        return new Lags(List.copyOf(known), missing[0]);
    }

    void awaitAll(Set<Long> ids, int seconds) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!seen.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop() {
        running.set(false);
    }
}
