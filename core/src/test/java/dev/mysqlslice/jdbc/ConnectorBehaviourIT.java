package dev.mysqlslice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.Role;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.ServerPair;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins down the Connector/J behaviour the copy and hash paths rely on. */
@ExtendWith(RealServers.class)
class ConnectorBehaviourIT {

    private final Connector connector = new Connector();

    @Test
    void textProtocolBytesAreTheServersTextAndNativeCharsetWithResultsNull(ServerPair servers) throws Exception {
        servers.source().execute(
                "CREATE TABLE t (id INT PRIMARY KEY, dt DATETIME(6), d DECIMAL(20,6), l VARCHAR(10) CHARACTER SET latin1, b BIT(10))",
                "INSERT INTO t VALUES (1, '2020-01-02 03:04:05.000006', -12.5, 'caf\u00e9', b'1000000001')");
        try (Connection connection = connector.open(servers.endpoint(Role.SOURCE));
             Statement statement = connection.createStatement()) {
            statement.execute("SET character_set_results = NULL");
            try (ResultSet rows = statement.executeQuery("SELECT dt, d, l, b FROM t")) {
                rows.next();
                assertThat(new String(rows.getBytes(1), StandardCharsets.US_ASCII)).isEqualTo("2020-01-02 03:04:05.000006");
                assertThat(new String(rows.getBytes(2), StandardCharsets.US_ASCII)).isEqualTo("-12.500000");
                assertThat(rows.getBytes(3)).containsExactly('c', 'a', 'f', 0xe9);
                assertThat(rows.getBytes(4)).containsExactly(0x02, 0x01);
            }
        }
    }

    @Test
    void loadDataLocalFromAStreamKeepsRawBytes(ServerPair servers) throws Exception {
        servers.target().execute("CREATE TABLE t (id INT PRIMARY KEY, b BIT(10), l VARCHAR(10) CHARACTER SET latin1,"
                + " bl BLOB, dt DATETIME(6))");
        byte[] data = concat("1\t".getBytes(StandardCharsets.US_ASCII), new byte[] {0x02, 0x01, '\t', 'c', (byte) 0xe9, '\t',
                (byte) 0xe0, '\\', '\\', '\\', 't', 0x00, '\t'}, "2020-01-02 03:04:05.000006\n".getBytes(StandardCharsets.US_ASCII));
        try (Connection connection = connector.open(servers.endpoint(Role.TARGET));
             Statement statement = connection.createStatement()) {
            statement.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(data));
            int rows = statement.executeUpdate("LOAD DATA LOCAL INFILE 'stream' INTO TABLE t CHARACTER SET binary"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (id, b, l, bl, dt)");
            assertThat(rows).isEqualTo(1);
            assertThat((Object) statement.getWarnings()).isNull();
        }
        assertThat(servers.target().rows("SELECT b+0, HEX(l), HEX(bl), dt FROM t").get(0))
                .containsExactly("513", "63E9", "E05C0900", "2020-01-02 03:04:05.000006");
    }

    @Test
    void sessionsAreSetUpInOneStatementAndStreamingSendsNoTimeoutChanges(ServerPair servers) throws Exception {
        Endpoint source = servers.endpoint(Role.SOURCE);
        try (Session session = Session.open(connector, source)) {
            assertThat(session.queryText("SELECT CONCAT_WS(' ', @@session.net_write_timeout, @@session.time_zone,"
                            + " @@session.innodb_lock_wait_timeout, @@session." + session.dialect().isolationVariable() + ")",
                    "reading the session").orElseThrow())
                    .isEqualTo("600 +00:00 1 READ-COMMITTED");
            long setsBefore = setStatements(session);
            List<String> seen = new ArrayList<>();
            session.stream("SELECT @@session.net_write_timeout FROM (SELECT 1 UNION ALL SELECT 2) AS two",
                    Session.Binder.NONE, rows -> {
                        while (rows.next()) {
                            seen.add(rows.getString(1));
                        }
                    }, "streaming");
            assertThat(seen).containsExactly("600", "600");
            assertThat(setStatements(session)).as("SET statements around a streamed one").isEqualTo(setsBefore);
        }
    }

    private static long setStatements(Session session) {
        return session.queryOne("SHOW SESSION STATUS LIKE 'Com_set_option'", Session.Binder.NONE, row -> row.getLong(2),
                "counting SET statements").orElseThrow();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
