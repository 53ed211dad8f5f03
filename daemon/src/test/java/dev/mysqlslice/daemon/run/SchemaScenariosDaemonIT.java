package dev.mysqlslice.daemon.run;

import dev.mysqlslice.daemon.testing.RunningDaemon;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.SchemaScenario;
import dev.mysqlslice.testing.ServerPair;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema scenarios (scenarios/schemas) that list the daemon, with the daemon following every step. */
@ExtendWith(RealServers.class)
class SchemaScenariosDaemonIT {

    static Stream<String> names() {
        return SchemaScenario.namesForTheTestServers().stream().filter(name -> SchemaScenario.load(name).runs("daemon"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theDaemonConvergesAfterEveryStep(String name, ServerPair servers) {
        SchemaScenario scenario = SchemaScenario.load(name);
        scenario.setUp(servers);
        try (RunningDaemon daemon = RunningDaemon.start(servers, scenario.tablesYaml("general"))) {
            await(daemon, scenario, servers, "the full sync");
            for (int step = 0; step < scenario.steps().size(); step++) {
                scenario.change(servers, step);
                await(daemon, scenario, servers, "step " + (step + 1));
            }
        }
    }

    private static void await(RunningDaemon daemon, SchemaScenario scenario, ServerPair servers, String what) {
        Instant deadline = Instant.now().plus(DaemonIT.CONVERGE);
        while (true) {
            try {
                scenario.assertConverged(servers, "daemon, " + what);
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            daemon.await(() -> true, Duration.ofSeconds(1), "the daemon running");
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
