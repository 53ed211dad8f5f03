package dev.mysqlslice.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data and the changes: {@code bench_orders} (BIGINT auto-increment key, INTs, VARCHAR(64),
 * DATETIME, DECIMAL, nullable TEXT; about 150 bytes per row, every 20th id left free so inserts
 * land anywhere) and the composite-key {@code bench_items}, generated on the server in bulk.
 */
final class Workload {

    static final String ORDERS = "bench_orders";
    static final String ITEMS = "bench_items";

    static final String CREATE_ORDERS = "CREATE TABLE bench_orders ("
            + " id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " customer_id INT NOT NULL, status TINYINT NOT NULL, quantity INT NOT NULL,"
            + " sku VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL, amount DECIMAL(12,2) NOT NULL,"
            + " note TEXT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    static final String CREATE_ITEMS = "CREATE TABLE bench_items ("
            + " order_id BIGINT UNSIGNED NOT NULL, line SMALLINT NOT NULL, product VARCHAR(32) NOT NULL,"
            + " price DECIMAL(10,2) NOT NULL, qty INT NOT NULL, PRIMARY KEY (order_id, line))"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    private Workload() {
    }

    /** Statements that fill both tables with {@code rows} orders and rows/5 items (MariaDB's sequence engine). */
    static List<String> generate(long rows) {
        long ids = rows * 20 / 19 + 20;
        long items = Math.max(1, rows / 5);
        return List.of(
                "SET SESSION sql_log_bin = 0",
                "INSERT INTO bench_orders (id, customer_id, status, quantity, sku, created_at, amount, note)"
                        + " SELECT seq, seq % 50000, seq % 5, seq % 100, CONCAT('SKU-', MD5(seq)),"
                        + " TIMESTAMP('2023-01-01') + INTERVAL seq SECOND, (seq % 100000) / 100,"
                        + " IF(seq % 4 = 0, NULL, REPEAT(SUBSTR(MD5(seq * 3), 1, 16), 4 + seq % 3))"
                        + " FROM seq_1_to_" + ids + " WHERE seq % 20 <> 0 LIMIT " + rows,
                "INSERT INTO bench_items SELECT seq DIV 3 + 1, seq % 3, CONCAT('product-', seq % 997),"
                        + " (seq % 5000) / 10, 1 + seq % 9 FROM seq_0_to_" + (items - 1));
    }

    /**
     * Changes to {@code fraction} of the rows: half UPDATEs, a quarter DELETEs, a quarter INSERTs
     * into free ids of {@code slot} (0 or 1), all spread at random (seeded, so every run changes the same rows).
     */
    static List<String> changes(long rows, double fraction, long seed, int slot) {
        Random random = new Random(seed);
        long count = Math.max(4, Math.round(rows * fraction));
        long maxId = rows * 20 / 19;
        Set<Long> touched = new LinkedHashSet<>();
        List<Long> updates = pick(random, count / 2, maxId, touched, false, 0);
        List<Long> deletes = pick(random, count / 4, maxId, touched, false, 0);
        List<Long> inserts = pick(random, count - count / 2 - count / 4, maxId, touched, true, slot);
        List<String> statements = new ArrayList<>();
        for (List<Long> chunk : chunks(updates)) {
            statements.add("UPDATE bench_orders SET amount = amount + 1, status = (status + 1) % 5,"
                    + " note = CONCAT(IFNULL(note, ''), ' changed') WHERE id IN (" + join(chunk) + ")");
        }
        for (List<Long> chunk : chunks(deletes)) {
            statements.add("DELETE FROM bench_orders WHERE id IN (" + join(chunk) + ")");
        }
        for (List<Long> chunk : chunks(inserts)) {
            // IGNORE: a later change set (S2c after S2a) may pick a free id an earlier one filled.
            statements.add("INSERT IGNORE INTO bench_orders (id, customer_id, status, quantity, sku, created_at, amount, note)"
                    + " VALUES " + chunk.stream().map(id -> "(" + id + ", 7, 1, 1, 'SKU-new', NOW(), 1.00, 'inserted')")
                    .collect(Collectors.joining(", ")));
        }
        long itemChanges = Math.max(2, count / 5);
        for (List<Long> chunk : chunks(pick(random, itemChanges, Math.max(1, rows / 15), new LinkedHashSet<>(), false, 0))) {
            statements.add("UPDATE bench_items SET qty = qty + 1 WHERE order_id IN (" + join(chunk) + ")");
        }
        return statements;
    }

    /** Row changes a statement list makes on the orders table (for per-change figures). */
    static long changedRows(long rows, double fraction) {
        return Math.max(4, Math.round(rows * fraction));
    }

    /** Random distinct ids: taken ones, or free ones (multiples of 20) of one of two slots, so change sets never collide. */
    private static List<Long> pick(Random random, long count, long maxId, Set<Long> touched, boolean free, int slot) {
        List<Long> ids = new ArrayList<>();
        long guard = 0;
        while (ids.size() < count && guard++ < count * 1000) {
            long id = 1 + (long) (random.nextDouble() * maxId);
            if (free) {
                id = id - id % 40 + 20L * slot;
                if (id == 0) {
                    continue;
                }
            } else if (id % 20 == 0) {
                continue;
            }
            if (touched.add(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
