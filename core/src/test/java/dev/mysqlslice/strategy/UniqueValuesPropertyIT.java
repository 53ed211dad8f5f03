package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import dev.mysqlslice.testing.TableContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Property: whatever order unique values moved in on the source (inserts, deletes, primary-key
 * moves, swaps and rotations of values of two unique keys, values freed and reused), one sync
 * makes the target identical. Seeded cases with small chunks and pages, so that the rows holding
 * a value and the rows taking it are written in different batches and pages.
 */
@ExtendWith(RealServers.class)
class UniqueValuesPropertyIT {

    private static final int CASES = 200;

    /** The source table as the test models it: id -> (a, b); a is NOT NULL UNIQUE, b NULL UNIQUE. */
    private static final class Model {
        final Map<Integer, Object[]> rows = new LinkedHashMap<>();
        final List<String> sql = new ArrayList<>();
        final Random random;

        Model(Random random) {
            this.random = random;
        }

        boolean usedA(int a) {
            return rows.values().stream().anyMatch(row -> row[0].equals(a));
        }

        boolean usedB(String b) {
            return b != null && rows.values().stream().anyMatch(row -> b.equals(row[1]));
        }

        int freeId() {
            int id;
            do {
                id = 1 + random.nextInt(60);
            } while (rows.containsKey(id));
            return id;
        }

        int freeA() {
            int a;
            do {
                a = 1 + random.nextInt(40);
            } while (usedA(a));
            return a;
        }

        String freeB() {
            if (random.nextInt(4) == 0) {
                return null;
            }
            String b;
            do {
                b = "b" + random.nextInt(40);
            } while (usedB(b));
            return b;
        }

        Integer anyId() {
            List<Integer> ids = new ArrayList<>(rows.keySet());
            return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        }

        void insert(int id, int a, String b) {
            rows.put(id, new Object[] {a, b});
            sql.add("INSERT INTO u VALUES (" + id + ", " + a + ", " + quote(b) + ")");
        }

        void step() {
            Integer x = anyId();
            Integer y = anyId();
            switch (x == null ? 0 : random.nextInt(7)) {
                case 0 -> insert(freeId(), freeA(), freeB());
                case 1 -> {
                    rows.remove(x);
                    sql.add("DELETE FROM u WHERE id = " + x);
                }
                case 2 -> {
                    int to = freeId();
                    rows.put(to, rows.remove(x));
                    sql.add("UPDATE u SET id = " + to + " WHERE id = " + x);
                }
                case 3 -> {
                    // A value freed by a delete and reused by a new row.
                    Object[] old = rows.remove(x);
                    sql.add("DELETE FROM u WHERE id = " + x);
                    insert(freeId(), (Integer) old[0], (String) old[1]);
                }
                case 4 -> swap(x, y, 0);
                case 5 -> swap(x, y, 1);
                default -> {
                    // A value freed by an update and reused.
                    Object[] row = rows.get(x);
                    int freed = (Integer) row[0];
                    int now = freeA();
                    row[0] = now;
                    sql.add("UPDATE u SET a = " + now + " WHERE id = " + x);
                    insert(freeId(), freed, freeB());
                }
            }
        }

        /** Swaps column {@code column} (0: a, 1: b) of two rows through a temporary value. */
        void swap(int x, int y, int column) {
            if (x == y) {
                return;
            }
            Object[] first = rows.get(x);
            Object[] second = rows.get(y);
            String name = column == 0 ? "a" : "b";
            String temporary = column == 0 ? "-1" : "'tmp'";
            sql.add("UPDATE u SET " + name + " = " + temporary + " WHERE id = " + x);
            sql.add("UPDATE u SET " + name + " = " + literal(first[column]) + " WHERE id = " + y);
            sql.add("UPDATE u SET " + name + " = " + literal(second[column]) + " WHERE id = " + x);
            Object value = first[column];
            first[column] = second[column];
            second[column] = value;
        }

        static String literal(Object value) {
            return value instanceof String text ? quote(text) : String.valueOf(value);
        }

        static String quote(String value) {
            return value == null ? "NULL" : "'" + value + "'";
        }
    }

    @Test
    void oneSyncConvergesWhateverOrderUniqueValuesMovedIn(ServerPair servers) {
        for (var database : List.of(servers.source(), servers.target())) {
            database.execute("CREATE TABLE u (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(8) NULL, UNIQUE KEY (a),"
                    + " UNIQUE KEY (b))");
        }
        for (int seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            String tables = "defaults:\n  transaction-rows: " + (1 + random.nextInt(4)) + "\ntables:\n  u:\n"
                    + "    strategy: general\n    chunk-rows: " + (1 + random.nextInt(4)) + "\n";
            servers.source().execute("DELETE FROM u");
            servers.target().execute("DELETE FROM u");
            Model model = new Model(random);
            for (int i = 0; i < 6 + random.nextInt(8); i++) {
                model.insert(model.freeId(), model.freeA(), model.freeB());
            }
            servers.source().execute(model.sql.toArray(String[]::new));
            Sync.apply(servers, tables);
            model.sql.clear();
            for (int i = 0; i < 3 + random.nextInt(10); i++) {
                model.step();
            }
            servers.source().execute(model.sql.toArray(String[]::new));

            SyncReport report = Sync.apply(servers, tables);

            assertThat(report.firstFailure()).as("seed %d: %s", seed, model.sql).isEmpty();
            assertThat(report.allIdentical()).as("seed %d: %s", seed, model.sql).isTrue();
            assertThat(TableContents.of(servers.target(), "u")).as("seed %d: %s", seed, model.sql)
                    .isEqualTo(TableContents.of(servers.source(), "u"));
        }
    }
}
