package dev.mysqlslice.transfer;

import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.SessionSettings;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.TableShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the target may say while rows are written. Any warning means the target stored something
 * other than what the source sent, so the batch is rolled back, with one exception: the ENUM
 * error value {@code ''} (index 0), which a source holds after a non-strict INSERT of an invalid
 * value, can only be written back in a non-strict session and always warns (1265). Tables with
 * such ENUM columns are written in a non-strict session, and that warning on those columns is
 * expected (the shapes of both tables were checked identical, so nothing else can cause it).
 */
final class TargetWarnings {

    static final int DATA_TRUNCATED = 1265;
    private static final Pattern COLUMN = Pattern.compile("column '([^']+)'");

    private TargetWarnings() {
    }

    /** Whether rows of this table are written in a non-strict session. */
    static boolean lenient(TableShape shape) {
        return shape.storedColumns().stream().anyMatch(Column::mayHoldEnumErrorValue);
    }

    /** Runs {@code work} with the session's sql_mode made non-strict when the table needs it. */
    static <T> T withMode(Connection connection, TableShape shape, SqlWork<T> work) throws SQLException {
        if (!lenient(shape)) {
            return work.run();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = '" + SessionSettings.LENIENT_SQL_MODE + "'");
        }
        try {
            return work.run();
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_mode = '" + SessionSettings.TARGET_SQL_MODE + "'");
            }
        }
    }

    /** Throws (the batch is then rolled back) unless every warning of {@code statement} is expected. */
    static void check(Statement statement, TableShape shape, String table) throws SQLException {
        Set<String> errorValueColumns = shape.storedColumns().stream().filter(Column::mayHoldEnumErrorValue)
                .map(column -> column.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            if (warning.getErrorCode() == DATA_TRUNCATED && errorValueColumns.contains(column(warning.getMessage()))) {
                continue;
            }
            throw new MysqlsliceException(Failure.SCHEMA, "the target changed a value while writing " + table + " ("
                    + warning.getMessage() + "); " + shape.failedBatchKept() + ". Make the target column definitions"
                    + " identical to the source's (mysqlslice schema pull --replace)");
        }
    }

    private static String column(String message) {
        Matcher matcher = COLUMN.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Work on the target connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
