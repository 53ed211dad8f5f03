package dev.mysqlslice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A MySQL option file ({@code my.cnf} format) read the way the mysql client and the Percona tools
 * read it: {@code [group]} sections of {@code name = value} lines, quotes and escapes,
 * {@code #}/{@code ;} comments, {@code !include} and {@code !includedir}, {@code _} and {@code -}
 * alike in names, and a {@code loose-} prefix ignored. Later lines win.
 *
 * <p>Connection settings come from {@code [client]}, then {@code [mysqlslice]}, then
 * {@code [mysqlslice-source]} or {@code [mysqlslice-target]}, each overriding the one before.
 *
 * @param origin the file read (for messages)
 * @param groups option values by group and option name
 */
public record ClientOptionFile(String origin, Map<String, Map<String, String>> groups) {

    private static final int MAX_INCLUDE_DEPTH = 10;

    public ClientOptionFile {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((group, options) -> copy.put(group, Map.copyOf(options)));
        groups = Map.copyOf(copy);
    }

    public static ClientOptionFile none() {
        return new ClientOptionFile("(none)", Map.of());
    }

    /**
     * Reads {@code file} and what it includes; {@code setting} names what pointed at it (e.g.
     * {@code --defaults-file}) in the error when it cannot be read.
     */
    public static ClientOptionFile read(Path file, String setting) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        try {
            parseInto(groups, Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent(), 0);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem(setting, "cannot read option file "
                    + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); fix the path or its"
                    + " permissions")));
        }
        return new ClientOptionFile(file.toString(), groups);
    }

    /** Parses option-file text; includes are resolved against {@code directory}. */
    public static ClientOptionFile parse(String text, Path directory) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        try {
            parseInto(groups, text, directory, 0);
        } catch (IOException e) {
            throw new ConfigException("an option file", List.of(new ConfigProblem("!include", e.getMessage())));
        }
        return new ClientOptionFile("(text)", groups);
    }

    /** The value of {@code option} for an endpoint with {@code role}, after group precedence. */
    public Optional<String> option(Role role, String option) {
        Optional<String> value = Optional.empty();
        for (String group : List.of("client", "mysqlslice", "mysqlslice-" + role.section())) {
            Optional<String> inGroup = Optional.ofNullable(groups.getOrDefault(group, Map.of()).get(option));
            if (inGroup.isPresent()) {
                value = inGroup;
            }
        }
        return value;
    }

    /** The connection settings this file gives an endpoint, as lowest-precedence defaults. */
    public EndpointOverrides endpoint(Role role) {
        Optional<String> port = option(role, "port");
        OptionalInt portNumber = OptionalInt.empty();
        if (port.isPresent()) {
            try {
                portNumber = OptionalInt.of(Integer.parseInt(port.get().trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(origin, List.of(new ConfigProblem("port",
                        "'" + port.get() + "' is not a port number")));
            }
        }
        TlsFiles tls = new TlsFiles(option(role, "ssl-ca").map(Path::of), option(role, "ssl-cert").map(Path::of),
                option(role, "ssl-key").map(Path::of));
        return new EndpointOverrides(option(role, "host"), portNumber, option(role, "socket").map(Path::of),
                option(role, "user"), option(role, "password").map(value -> new PasswordSource.Literal(Secret.of(value))),
                option(role, "database"), sslMode(role), option(role, "ssl-cipher"), tls);
    }

    /**
     * The TLS mode: MySQL's {@code ssl-mode}, else MariaDB's {@code ssl-verify-server-cert}
     * (VERIFY_IDENTITY), {@code ssl} (REQUIRED) or {@code skip-ssl} / {@code ssl=0} (DISABLED).
     */
    private Optional<SslMode> sslMode(Role role) {
        Optional<String> mode = option(role, "ssl-mode");
        if (mode.isPresent()) {
            return Optional.of(SslMode.parse(mode.get()).orElseThrow(() -> new ConfigException(origin, List.of(
                    new ConfigProblem("ssl-mode", "unknown mode '" + mode.get() + "'; allowed: " + SslMode.allowed())))));
        }
        if (option(role, "ssl-verify-server-cert").map(ClientOptionFile::isTrue).orElse(false)) {
            return Optional.of(SslMode.VERIFY_IDENTITY);
        }
        if (option(role, "skip-ssl").isPresent()) {
            return Optional.of(SslMode.DISABLED);
        }
        return option(role, "ssl").map(value -> isTrue(value) ? SslMode.REQUIRED : SslMode.DISABLED);
    }

    /** An option-file boolean: a bare name, 1, ON or TRUE. */
    private static boolean isTrue(String value) {
        return value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true");
    }

    private static void parseInto(Map<String, Map<String, String>> groups, String text, Path directory, int depth)
            throws IOException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new IOException("!include nested more than " + MAX_INCLUDE_DEPTH + " deep");
        }
        String group = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("!include ")) {
                Path file = resolve(directory, line.substring("!include ".length()).strip());
                parseInto(groups, Files.readString(file, StandardCharsets.UTF_8), file.getParent(), depth + 1);
            } else if (line.startsWith("!includedir ")) {
                Path dir = resolve(directory, line.substring("!includedir ".length()).strip());
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".cnf")).sorted().toList()) {
                        parseInto(groups, Files.readString(file, StandardCharsets.UTF_8), dir, depth + 1);
                    }
                }
            } else if (line.startsWith("[")) {
                int end = line.indexOf(']');
                group = (end < 0 ? line.substring(1) : line.substring(1, end)).strip().toLowerCase(Locale.ROOT);
            } else if (group != null) {
                int equals = line.indexOf('=');
                String name = normalize(equals < 0 ? line : line.substring(0, equals));
                String value = equals < 0 ? "" : value(line.substring(equals + 1));
                groups.computeIfAbsent(group, key -> new LinkedHashMap<>()).put(name, value);
            }
        }
    }

    private static Path resolve(Path directory, String name) {
        Path path = Path.of(name);
        return path.isAbsolute() || directory == null ? path : directory.resolve(path);
    }

    static String normalize(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return normalized.startsWith("loose-") ? normalized.substring("loose-".length()) : normalized;
    }

    /** An option's value: quoted (quotes removed, escapes read) or bare (up to a {@code #} comment). */
    static String value(String text) {
        String value = text.strip();
        if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char quote = value.charAt(0);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == quote) {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < value.length()) {
                    out.append(escape(value.charAt(++i)));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = value.indexOf('#');
        String bare = (comment < 0 ? value : value.substring(0, comment)).strip();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == '\\' && i + 1 < bare.length()) {
                out.append(escape(bare.charAt(++i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 's' -> " ";
            default -> String.valueOf(c);
        };
    }

    @Override
    public String toString() {
        return "ClientOptionFile[" + origin + ", groups=" + groups.keySet() + "]";
    }
}
