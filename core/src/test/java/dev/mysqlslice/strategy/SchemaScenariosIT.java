package dev.mysqlslice.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.SchemaScenario;
import dev.mysqlslice.testing.ServerPair;
import dev.mysqlslice.testing.Sync;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema scenario (scenarios/schemas) through every one-shot strategy that applies. */
@ExtendWith(RealServers.class)
class SchemaScenariosIT {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : SchemaScenario.namesForTheTestServers()) {
            SchemaScenario scenario = SchemaScenario.load(name);
            for (String strategy : List.of("general", "append-only", "slice")) {
                if (scenario.runs(strategy)) {
                    cases.add(Arguments.of(name, strategy));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void convergesAfterEveryStep(String name, String strategy, ServerPair servers) {
        SchemaScenario scenario = SchemaScenario.load(name);
        scenario.setUp(servers);
        String tables = scenario.tablesYaml(strategy);
        if (!scenario.expectedError().isEmpty()) {
            assertThatThrownBy(() -> Sync.apply(servers, tables)).hasMessageContaining(scenario.expectedError());
            return;
        }
        sync(servers, tables, scenario, strategy + ", first sync");
        for (int step = 0; step < scenario.steps().size() && scenario.runsStep(strategy, step); step++) {
            scenario.change(servers, step);
            sync(servers, tables, scenario, strategy + ", after step " + (step + 1));
        }
    }

    private static void sync(ServerPair servers, String tables, SchemaScenario scenario, String how) {
        SyncReport report = Sync.apply(servers, tables);
        assertThat(report.firstFailure()).as(how).isEmpty();
        assertThat(report.allIdentical()).as(how + ": " + report.tables()).isTrue();
        scenario.assertConverged(servers, how);
    }
}
