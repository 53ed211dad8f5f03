package dev.mysqlslice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Entry point of {@code ./mysqlslice-bench}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.print(BenchSettings.usage());
            System.exit("help".equals(e.getMessage()) ? 0 : 2);
            return;
        }
        if (settings.peers()) {
            Map<String, List<String>> missing = PeerTools.missing(settings.scenarios(),
                    System.getenv().getOrDefault("PATH", ""));
            if (!missing.isEmpty()) {
                System.err.println(PeerTools.error(missing));
                System.exit(2);
                return;
            }
        }
        Path home = Path.of(System.getProperty("mysqlslice.home", ".")).toAbsolutePath().normalize();
        Path dir = Files.createTempDirectory("mysqlslice-bench-");
        List<Measurement> measurements;
        try (Lab lab = Lab.start(dir, home, settings.bufferPool())) {
            measurements = new Bench(lab, settings).run();
        }
        Report report = new Report(measurements, settings);
        System.out.println();
        System.out.print(report.table());
        Path json = settings.out().resolve("results.json");
        report.writeJson(json);
        System.out.println("\nresults written to " + json);
        boolean converged = measurements.stream().allMatch(Measurement::identical);
        System.exit(converged ? 0 : 1);
    }
}
