package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.config.SslMode;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The classification of server errors: which failure, and what the message tells the user to do. */
class SqlErrorsTest {

    private static Endpoint endpoint(Role role) {
        return new Endpoint(new EndpointConfig(role, Optional.of("db.example.com"), OptionalInt.of(3306), Optional.empty(),
                "sync", new PasswordSource.Literal(Secret.of("pw")), "app", SslMode.DISABLED, Optional.empty(), false),
                Secret.of("pw"));
    }

    @Test
    void aDuplicateKeyOnTheTargetIsAnotherWriterNotASchemaProblem() {
        MysqlsliceException e = SqlErrors.duringStatement(new SQLException("Duplicate entry 'b' for key 'p'", "23000", 1062),
                endpoint(Role.TARGET), "writing rows into e");

        assertThat(e.failure()).isEqualTo(Failure.ANOTHER_WRITER);
        assertThat(e.getMessage()).isEqualTo("the target already holds a row with that key or unique value while writing"
                + " rows into e (Duplicate entry 'b' for key 'p'): another session writes this target table; mysqlslice"
                + " must be its only writer (another daemon, or an application?). Stop the other writer, then run"
                + " `mysqlslice sync` to repair").doesNotContain("schema pull");
    }

    @Test
    void lockWaitsAndDeadlocksAreRetriable() {
        for (int code : new int[] {1205, 1213}) {
            MysqlsliceException e = SqlErrors.duringStatement(new SQLException("Lock wait timeout exceeded", "HY000", code),
                    endpoint(Role.SOURCE), "waiting for changed rows of acct to be committed");
            assertThat(e.failure()).isEqualTo(Failure.LOCKED);
            assertThat(e.failure().retriable()).isTrue();
        }
        assertThat(Failure.SCHEMA.retriable()).isFalse();
        assertThat(Failure.ANOTHER_WRITER.retriable()).isFalse();
    }
}
