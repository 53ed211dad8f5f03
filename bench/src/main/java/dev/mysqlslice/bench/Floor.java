package dev.mysqlslice.bench;

import dev.mysqlslice.sandbox.LocalServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The floor of a full comparison: both servers at once running, per table, one query with the
 * cheapest aggregate that is still exact in the sense mysqlslice's tests demand (every value, the
 * lengths of variable-length ones, the NULL flags, one CRC32 per row, one BIT_XOR per bucket of
 * 1,000 keys), and nothing else: no JVM start, no planning, no leaves, no repair. How far a tool is
 * above it is what its own work costs.
 */
final class Floor {

    /** The floor queries of the bench tables (their columns as {@link Workload} creates them). */
    static final List<String> QUERIES = List.of(
            "SELECT id DIV 1000, COUNT(*), BIT_XOR(CRC32(CONCAT_WS('#', id, customer_id, status, quantity, sku,"
                    + " created_at, amount, note, LENGTH(sku), LENGTH(note), ISNULL(note)))) FROM bench_orders GROUP BY 1",
            "SELECT order_id DIV 1000, COUNT(*), BIT_XOR(CRC32(CONCAT_WS('#', order_id, line, product, price, qty,"
                    + " LENGTH(product)))) FROM bench_items GROUP BY 1");

    private final Lab lab;

    Floor(Lab lab) {
        this.lab = lab;
    }

    /** Runs the floor queries on the source and the target at the same time; the wall time of both. */
    Timed.Run run() {
        long start = System.nanoTime();
        CompletableFuture<Long> source = CompletableFuture.supplyAsync(() -> scan(lab.source()));
        long targetRows;
        long sourceRows;
        try {
            targetRows = scan(lab.target());
            sourceRows = source.join();
        } catch (CompletionException e) {
            return new Timed.Run((System.nanoTime() - start) / 1e9, 0, 1, String.valueOf(e.getCause()));
        } catch (IllegalStateException e) {
            return new Timed.Run((System.nanoTime() - start) / 1e9, 0, 1, e.getMessage());
        }
        return new Timed.Run(Math.round((System.nanoTime() - start) / 1e7) / 100.0, 0, 0,
                sourceRows + " and " + targetRows + " buckets");
    }

    /** Runs every floor query on one server, reading every bucket; how many buckets there were. */
    private long scan(LocalServer server) {
        long buckets = 0;
        try (Connection connection = lab.connect(server, true); Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        buckets++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
        }
        return buckets;
    }
}
