package dev.mysqlslice.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a throwaway server should look like.
 *
 * @param name           short name used for its directory and in messages, e.g. "source"
 * @param serverId       the server_id option
 * @param binlog         whether to write a ROW-format binlog with FULL row images
 * @param bufferPoolSize innodb_buffer_pool_size, e.g. "256M"
 * @param extraOptions   further option-file lines, name to value
 */
public record ServerSpec(String name, int serverId, boolean binlog, String bufferPoolSize, Map<String, String> extraOptions) {

    public ServerSpec {
        extraOptions = Map.copyOf(extraOptions);
    }

    /** A binlog-writing source server. */
    public static ServerSpec source() {
        return new ServerSpec("source", 1, true, "256M", Map.of());
    }

    /** A target server without a binlog. */
    public static ServerSpec target() {
        return new ServerSpec("target", 2, false, "256M", Map.of());
    }

    public ServerSpec withBufferPoolSize(String size) {
        return new ServerSpec(name, serverId, binlog, size, extraOptions);
    }

    public ServerSpec withName(String newName) {
        return new ServerSpec(newName, serverId, binlog, bufferPoolSize, extraOptions);
    }

    public ServerSpec withOption(String option, String value) {
        Map<String, String> options = new TreeMap<>(extraOptions);
        options.put(option, value);
        return new ServerSpec(name, serverId, binlog, bufferPoolSize, options);
    }
}
