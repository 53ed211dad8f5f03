package dev.mysqlslice.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Checks, independently of mysqlslice, that a table holds the same rows on both servers: both
 * are streamed in key order and every value's bytes are compared.
 */
final class Convergence {

    private Convergence() {
    }

    static boolean identical(Lab lab, String table, String orderBy) {
        String sql = "SELECT * FROM " + table + " ORDER BY " + orderBy;
        try (Connection source = lab.connect(lab.source(), true); Connection target = lab.connect(lab.target(), true);
             Statement sourceStatement = streaming(source); Statement targetStatement = streaming(target);
             ResultSet sourceRows = sourceStatement.executeQuery(sql); ResultSet targetRows = targetStatement.executeQuery(sql)) {
            int columns = sourceRows.getMetaData().getColumnCount();
            while (true) {
                boolean moreSource = sourceRows.next();
                boolean moreTarget = targetRows.next();
                if (moreSource != moreTarget) {
                    return false;
                }
                if (!moreSource) {
                    return true;
                }
                for (int i = 1; i <= columns; i++) {
                    if (!Arrays.equals(sourceRows.getBytes(i), targetRows.getBytes(i))) {
                        return false;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("comparing " + table + ": " + e.getMessage(), e);
        }
    }

    static boolean allIdentical(Lab lab) {
        return identical(lab, Workload.ORDERS, "id") && identical(lab, Workload.ITEMS, "order_id, line");
    }

    private static Statement streaming(Connection connection) throws SQLException {
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE);
        return statement;
    }
}
