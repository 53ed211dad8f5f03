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

    @Test
    void aStatementStoppedAtItsTimeLimitIsATimeLimitOnEitherFlavor() {
        // MariaDB 10.11 (measured) and MySQL 8 (ER_QUERY_TIMEOUT as the MySQL reference manual lists it).
        SQLException mariadb = new SQLException("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969);
        SQLException mysql = new SQLException("Query execution was interrupted, maximum statement execution time exceeded",
                "HY000", 3024);
        for (SQLException stopped : new SQLException[] {mariadb, mysql}) {
            assertThat(SqlErrors.isTimeLimit(stopped)).isTrue();
            MysqlsliceException e = SqlErrors.duringStatement(stopped, endpoint(Role.SOURCE), "hashing t in buckets");
            assertThat(e.failure()).isEqualTo(Failure.TIME_LIMIT);
            assertThat(e.getMessage()).isEqualTo("source stopped a statement at its time limit while hashing t in buckets ("
                    + stopped.getMessage() + ")");
        }
        // A KILL QUERY by someone else is not the time limit.
        assertThat(SqlErrors.isTimeLimit(new SQLException("Query execution was interrupted", "70100", 1317))).isFalse();
    }

    @Test
    void binlogStreamErrorsTellALostPositionFromATakenServerId() {
        // MariaDB 10.11 to the older of two clients with one server id.
        assertThat(SqlErrors.binlogStream(4052, "A slave with the same server_uuid/server_id is already connected; the first"
                + " event '.' at 0, the last event read from 'binlog.000004' at 4279, the last byte read from"
                + " 'binlog.000004' at 4310.")).isEqualTo(SqlErrors.BinlogVerdict.SERVER_ID_TAKEN);
        // MySQL 8.0.26+ (ER_MASTER_FATAL_ERROR_READING_BINLOG with the replica wording) and before.
        assertThat(SqlErrors.binlogStream(1236, "A replica with the same server_uuid/server_id as this replica has"
                + " connected to the source; the first event 'binlog.000001' at 4, the last event read from"
                + " './binlog.000001' at 4, the last byte read from './binlog.000001' at 4."))
                .isEqualTo(SqlErrors.BinlogVerdict.SERVER_ID_TAKEN);
        assertThat(SqlErrors.binlogStream(1236, "A slave with the same server_uuid/server_id as this slave has connected"
                + " to the master; the first event 'mysql-bin.000001' at 4")).isEqualTo(SqlErrors.BinlogVerdict.SERVER_ID_TAKEN);
        assertThat(SqlErrors.binlogStream(1236, "Could not find first log file name in binary log index file"))
                .isEqualTo(SqlErrors.BinlogVerdict.POSITION_LOST);
        assertThat(SqlErrors.binlogStream(1236, "Error: connecting slave requested to start from GTID 0-1-146, which is"
                + " not in the master's binlog")).isEqualTo(SqlErrors.BinlogVerdict.POSITION_LOST);
        assertThat(SqlErrors.binlogStream(1045, "Access denied")).isEqualTo(SqlErrors.BinlogVerdict.REFUSED);
    }

    @Test
    void aRefusedPublicKeyRetrievalSaysToUseTlsOrAllowIt() {
        // What Connector/J 9 throws for a caching_sha2_password account without TLS or a cached login.
        SQLException refused = new SQLException("Public Key Retrieval is not allowed", "08001", 0);

        MysqlsliceException e = SqlErrors.onConnect(refused, endpoint(Role.SOURCE));

        assertThat(e.failure()).isEqualTo(Failure.CONNECTION);
        assertThat(e.getMessage()).isEqualTo("cannot log in to source db.example.com:3306 as 'sync': the account uses"
                + " caching_sha2_password (MySQL 8's default), whose password is sent only over TLS or encrypted with the"
                + " server's RSA key; use TLS (source.ssl-mode: REQUIRED or stricter), or set"
                + " source.allow-public-key-retrieval: true to let the driver fetch the key (on a network you trust)");
    }

    @Test
    void theBinlogClientsWordsForAServerWithoutTlsAreReadAsSuch() {
        Endpoint source = new Endpoint(new EndpointConfig(Role.SOURCE, Optional.of("db.example.com"), OptionalInt.of(3306),
                Optional.empty(), "sync", new PasswordSource.None(), "app", SslMode.VERIFY_IDENTITY, Optional.empty(),
                false), Secret.of("pw"));

        Optional<MysqlsliceException> e = SqlErrors.tlsFailure(new java.io.IOException("MySQL server does not support SSL"),
                source);

        assertThat(e).get().extracting(MysqlsliceException::getMessage).isEqualTo("the source at db.example.com:3306 does"
                + " not offer TLS, but source.ssl-mode is VERIFY_IDENTITY: enable TLS on that server (ssl_cert and"
                + " ssl_key), or lower source.ssl-mode if an unencrypted connection is acceptable");
        assertThat(SqlErrors.tlsFailure(new java.net.ConnectException("Connection refused"), source)).isEmpty();
    }
}
