package dev.mysqlslice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of every scenario of the benchmark, so the benchmark keeps working. It times
 * nothing: it checks that each scenario runs and converges, and that the report is written.
 */
class BenchSmokeIT {

    @TempDir
    Path dir;

    @Test
    void everyScenarioRunsAndConvergesOnSmallTables() throws Exception {
        BenchSettings settings = BenchSettings.parse(new String[] {"--rows", "3000", "--repeat", "1", "--no-peers",
                "--s5-seconds", "3", "--s5-rate", "200", "--buffer-pool", "64M", "--out", dir.resolve("out").toString()});
        Path home = Path.of(System.getProperty("mysqlslice.home", "..")).toAbsolutePath().normalize();
        List<Measurement> measurements;
        try (Lab lab = Lab.start(Files.createDirectories(dir.resolve("lab")), home, settings.bufferPool())) {
            measurements = new Bench(lab, settings).run();
        }

        assertThat(measurements).extracting(Measurement::scenario)
                .anyMatch(name -> name.startsWith("S1")).anyMatch(name -> name.startsWith("S2a"))
                .anyMatch(name -> name.startsWith("S2b")).anyMatch(name -> name.startsWith("S2c"))
                .anyMatch(name -> name.startsWith("S3"))
                .anyMatch(name -> name.startsWith("S4")).anyMatch(name -> name.startsWith("S5"))
                .anyMatch(name -> name.startsWith("S6"));
        assertThat(measurements).allSatisfy(measurement -> assertThat(measurement.identical())
                .as(measurement.scenario() + " / " + measurement.tool() + " converged").isTrue());
        Report report = new Report(measurements, settings);
        report.writeJson(settings.out().resolve("results.json"));
        assertThat(report.table()).contains("S1 initial copy", "mysqlslice sync");
        assertThat(settings.out().resolve("results.json")).isNotEmptyFile();
    }
}
