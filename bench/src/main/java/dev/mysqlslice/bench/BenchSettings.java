package dev.mysqlslice.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run.
 *
 * @param rows       rows of bench_orders (bench_items gets a fifth as many)
 * @param repeat     repetitions of each fast run (the median is reported)
 * @param scenarios  which of S1..S6
 * @param s5Seconds  how long the S5 writer runs (twice: without and with the daemon), and the S6 writer
 * @param s5Rate     row changes per second in S5
 * @param peers      whether to run mysqldump, mydumper/myloader and pt-table-sync too
 * @param out        where the JSON results go
 * @param bufferPool innodb_buffer_pool_size of each server
 * @param daemonLog  extra logging flags for the daemons of S5 and S6 (e.g. -v: each cycle's duration)
 */
record BenchSettings(long rows, int repeat, Set<String> scenarios, int s5Seconds, int s5Rate, boolean peers, Path out,
                     String bufferPool, String daemonLog) {

    static BenchSettings parse(String[] args) {
        long rows = 1_000_000;
        int repeat = 3;
        Set<String> scenarios = new LinkedHashSet<>(List.of("S1", "S2", "S3", "S4", "S5", "S6"));
        int s5Seconds = 60;
        int s5Rate = 1000;
        boolean peers = true;
        Path out = Path.of("bench-results");
        String bufferPool = "1G";
        String daemonLog = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = new LinkedHashSet<>(List.of(args[++i].toUpperCase().split(",")));
                case "--s5-seconds" -> s5Seconds = Integer.parseInt(args[++i]);
                case "--s5-rate" -> s5Rate = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--out" -> out = Path.of(args[++i]);
                case "--buffer-pool" -> bufferPool = args[++i];
                case "--daemon-verbose" -> daemonLog = "-v";
                case "--help", "-h" -> throw new IllegalArgumentException("help");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchSettings(rows, Math.max(1, repeat), scenarios, s5Seconds, s5Rate, peers, out, bufferPool,
                daemonLog);
    }

    static String usage() {
        return """
                usage: mysqlslice-bench [--rows N] [--repeat R] [--scenarios S1,S2,S3,S4,S5,S6] [--s5-seconds S]
                                        [--s5-rate CHANGES_PER_S] [--no-peers] [--out DIR] [--buffer-pool SIZE]
                                        [--daemon-verbose]
                Starts throwaway source and target servers, generates data and times mysqlslice side by side with
                mysqldump | mysql, mydumper + myloader and pt-table-sync; prints a table and writes DIR/results.json.
                """;
    }
}
