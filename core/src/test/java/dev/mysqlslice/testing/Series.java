package dev.mysqlslice.testing;

/**
 * A derived table of the integers 1..n in a column {@code seq}, in SQL both MariaDB and MySQL run
 * (cross joins of digits; no MariaDB sequence engine, no recursion limits), for test data:
 * {@code "INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(5000)}.
 */
public final class Series {

    private static final String DIGITS = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";

    private Series() {
    }

    /** {@code (SELECT ... ) AS series} with rows seq = 1..n. */
    public static String of(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("a series needs at least one row: " + n);
        }
        int digits = Long.toString(n - 1).length();
        StringBuilder value = new StringBuilder("1");
        StringBuilder from = new StringBuilder();
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            value.append(" + ").append(scale).append(" * d").append(i).append(".d");
            from.append(i == 0 ? "" : " CROSS JOIN ").append(DIGITS).append(" d").append(i);
            scale *= 10;
        }
        return "(SELECT seq FROM (SELECT " + value + " AS seq FROM " + from + ") digits WHERE seq <= " + n + ") series";
    }
}
