package dev.mysqlslice.daemon.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's health as {@code /health} reports it: healthy while it follows the binlog and is
 * no further behind the source than the configured lag.
 *
 * @param healthy       whether to answer 200 (else 503)
 * @param reason        why not, in one line; empty when healthy
 * @param tailing       whether the binlog is being followed
 * @param lagSeconds    how far behind the source the target is
 * @param maxLagSeconds the configured limit ({@code daemon.max-lag-seconds})
 * @param stopped       tables whose syncing stopped, with the reason (reported, not counted against health)
 */
public record Health(boolean healthy, String reason, boolean tailing, long lagSeconds, long maxLagSeconds,
                     Map<String, String> stopped) {

    public Health {
        stopped = Map.copyOf(stopped);
    }

    /**
     * @param started whether the daemon's first sync (the full comparison it starts with, or taking
     *                up the checkpoint's work) is done
     */
    public static Health of(boolean started, boolean tailing, long lagMillis, Duration maxLag, Map<String, String> stopped) {
        long lagSeconds = lagMillis / 1000;
        String reason = "";
        if (!started) {
            reason = "starting: the first sync of the tables has not finished";
        } else if (!tailing) {
            reason = "not following the source's binlog (starting, reconnecting or recovering a lost position)";
        } else if (lagMillis > maxLag.toMillis()) {
            reason = lagSeconds + " s behind the source, more than daemon.max-lag-seconds (" + maxLag.toSeconds() + ")";
        }
        return new Health(reason.isEmpty(), reason, tailing, lagSeconds, maxLag.toSeconds(), stopped);
    }

    public int httpStatus() {
        return healthy ? 200 : 503;
    }

    /** The response body's fields, in order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", healthy ? "UP" : "DOWN");
        if (!healthy) {
            fields.put("reason", reason);
        }
        fields.put("tailing", tailing);
        fields.put("secondsBehindSource", lagSeconds);
        fields.put("maxLagSeconds", maxLagSeconds);
        fields.put("stoppedTables", stopped);
        return fields;
    }
}
