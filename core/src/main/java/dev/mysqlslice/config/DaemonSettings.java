package dev.mysqlslice.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the daemon follows the source's binlog.
 *
 * @param serverId       the replication server id the binlog client uses; unique among the source's replicas
 * @param position       whether to follow by file/position, by GTID, or pick (GTID when the source has it)
 * @param minCycleGap    the least time between the starts of two sync cycles, to spare the source
 * @param heartbeat      how often an idle source sends a heartbeat (the checkpoint still advances)
 * @param checkpointName which checkpoint row in the target this daemon owns (several daemons may share a target)
 * @param maxLag         the lag above which /health reports unhealthy
 * @param metricsPort    the HTTP port of /metrics and /health; 0 when off
 * @param metricsAddress the address that port listens on
 */
public record DaemonSettings(int serverId, PositionMode position, Duration minCycleGap, Duration heartbeat,
                             String checkpointName, Duration maxLag, int metricsPort, String metricsAddress) {

    public static final int DEFAULT_SERVER_ID = 65_111;

    /** How the binlog position is kept. */
    public enum PositionMode {
        AUTO, FILE, GTID;

        public static Optional<PositionMode> parse(String text) {
            return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(text)).findFirst();
        }
    }

    /** The same settings with metrics served on {@code port} (0: off). */
    public DaemonSettings withMetricsPort(int port) {
        return new DaemonSettings(serverId, position, minCycleGap, heartbeat, checkpointName, maxLag, port, metricsAddress);
    }

    public static DaemonSettings defaults() {
        return new DaemonSettings(DEFAULT_SERVER_ID, PositionMode.AUTO, Duration.ZERO, Duration.ofSeconds(1), "default",
                Duration.ofSeconds(30), 0, "0.0.0.0");
    }
}
