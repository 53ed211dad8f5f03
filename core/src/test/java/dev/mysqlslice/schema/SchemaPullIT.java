package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Scenario;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class SchemaPullIT {

    private final Connector connector = new Connector();
    private final SchemaPuller puller = new SchemaPuller(new SchemaReader());

    @Test
    void copiesEveryTableExactlyWithoutForeignKeysAndListsWhatItSkips(ServerPair servers) {
        Scenario.load("schema-pull").setUp(servers);

        SchemaPullReport report = pull(servers, List.of(), false);

        assertThat(report.created()).containsExactly("owners", "token_refs", "tokens");
        assertThat(report.foreignKeysRemoved()).isEqualTo(Map.of("tokens", 1, "token_refs", 1));
        assertThat(report.skipped()).containsExactlyInAnyOrder("view owner_names", "trigger tokens_bi", "procedure noop");
        for (String table : report.created()) {
            String expected = CreateTableRewriter.rewrite(showCreate(servers.source(), table)).statement();
            assertThat(showCreate(servers.target(), table)).as(table).isEqualTo(expected);
        }
        assertThat(showCreate(servers.target(), "tokens")).doesNotContain("FOREIGN KEY", "AUTO_INCREMENT=")
                .contains("CONSTRAINT `chk_token` CHECK", "VIRTUAL", "STORED", "latin1_german1_ci", "utf8mb4_bin");
        assertThat(servers.target().count("tokens")).isZero();
    }

    @Test
    void refusesATargetThatAlreadyHasOneOfTheTablesAndLeavesItUntouched(ServerPair servers) {
        Scenario.load("schema-pull").setUp(servers);
        servers.target().execute("CREATE TABLE tokens (id INT PRIMARY KEY)", "INSERT INTO tokens VALUES (7)");

        assertThatThrownBy(() -> pull(servers, List.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("already has table tokens; nothing was changed. Pass --replace");

        assertThat(servers.target().rows("SHOW TABLES")).containsExactly(List.of("tokens"));
        assertThat(servers.target().value("SELECT id FROM tokens")).isEqualTo("7");
    }

    @Test
    void replaceDropsAndRecreatesOnlyTheNamedTables(ServerPair servers) {
        Scenario.load("schema-pull").setUp(servers);
        servers.target().execute("CREATE TABLE tokens (id INT PRIMARY KEY)", "CREATE TABLE unrelated (id INT PRIMARY KEY)");

        SchemaPullReport report = pull(servers, List.of("tokens", "owners"), true);

        assertThat(report.created()).containsExactly("tokens", "owners");
        assertThat(report.replaced()).containsExactly("tokens");
        assertThat(servers.target().rows("SHOW TABLES")).containsExactly(List.of("owners"), List.of("tokens"),
                List.of("unrelated"));
    }

    @Test
    void namesEveryConfiguredTableMissingFromTheSource(ServerPair servers) {
        Scenario.load("schema-pull").setUp(servers);

        assertThatThrownBy(() -> pull(servers, List.of("owners", "nope", "gone"), false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("tables.nope: table nope does not exist in source database")
                .hasMessageContaining("tables.gone:");
        assertThat(servers.target().rows("SHOW TABLES")).isEmpty();
    }

    @Test
    void aTargetThatRequiresPrimaryKeysRefusesAKeylessTableWithTheSettingAndTheFix(ServerPair servers) {
        servers.source().execute("CREATE TABLE log (at DATETIME, line TEXT)");
        String setting = servers.target().dialect().isMariadb() ? "innodb_force_primary_key" : "sql_require_primary_key";
        servers.target().execute("SET GLOBAL " + setting + " = ON");
        try {
            assertThatThrownBy(() -> pull(servers, List.of("log"), false))
                    .isInstanceOfSatisfying(dev.mysqlslice.error.MysqlsliceException.class,
                            e -> assertThat(e.failure()).isEqualTo(dev.mysqlslice.error.Failure.SCHEMA))
                    .hasMessageContaining("the target refuses a table without a primary key while creating log")
                    .hasMessageContaining("give the source table a primary key, or turn that setting off for the target");
        } finally {
            servers.target().execute("SET GLOBAL " + setting + " = OFF");
        }
    }

    private SchemaPullReport pull(ServerPair servers, List<String> tables, boolean replace) {
        try (Session source = Session.open(connector, servers.endpoint(Role.SOURCE));
             Session target = Session.open(connector, servers.endpoint(Role.TARGET))) {
            return puller.pull(source, target, tables, replace);
        }
    }

    private static String showCreate(TestDatabase database, String table) {
        return database.rows("SHOW CREATE TABLE `" + table + "`").get(0).get(1);
    }
}
