package dev.mysqlslice.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the option file of a throwaway server (a pure function, tested against exact text). */
public final class OptionFile {

    private OptionFile() {
    }

    /**
     * The option file for {@code spec} living in {@code dir} and listening on {@code port}.
     *
     * @param runAsRoot whether the server must be told {@code user=root} (it refuses to start as root otherwise)
     */
    public static String render(Flavor flavor, ServerSpec spec, Path dir, int port, boolean runAsRoot) {
        Map<String, String> options = new LinkedHashMap<>();
        if (runAsRoot) {
            options.put("user", "root");
        }
        options.put("datadir", dir.resolve("data").toString());
        options.put("tmpdir", dir.resolve("tmp").toString());
        options.put("socket", dir.resolve("mysqld.sock").toString());
        options.put("pid-file", dir.resolve("mysqld.pid").toString());
        options.put("log-error", dir.resolve("error.log").toString());
        options.put("port", Integer.toString(port));
        options.put("bind-address", "127.0.0.1");
        options.put("server-id", Integer.toString(spec.serverId()));
        options.put("skip-name-resolve", null);
        options.put("local-infile", "1");
        options.put("max-allowed-packet", "256M");
        options.put("character-set-server", "utf8mb4");
        options.put("collation-server", "utf8mb4_general_ci");
        options.put("performance-schema", "OFF");
        options.put("innodb-buffer-pool-size", spec.bufferPoolSize());
        options.put("innodb-log-file-size", "48M");
        options.put("innodb-flush-log-at-trx-commit", "2");
        if (flavor == Flavor.MYSQL) {
            options.put("mysqlx", "OFF");
        }
        if (spec.binlog()) {
            options.put("log-bin", dir.resolve("binlog").resolve("binlog").toString());
            options.put("binlog-format", "ROW");
            options.put("binlog-row-image", "FULL");
            options.put("sync-binlog", "0");
        } else {
            options.put("skip-log-bin", null);
        }
        options.putAll(spec.extraOptions());

        StringBuilder text = new StringBuilder("[").append(flavor.optionSection()).append("]\n");
        options.forEach((name, value) -> {
            text.append(name);
            if (value != null) {
                text.append('=').append(value);
            }
            text.append('\n');
        });
        return text.toString();
    }
}
