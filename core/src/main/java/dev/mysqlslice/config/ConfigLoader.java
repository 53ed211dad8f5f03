package dev.mysqlslice.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import javax.inject.Inject;

/**
 * Reads {@code mysqlslice.yaml} and the command-line overrides into a {@link Config}, checking
 * everything that can be checked without a server and reporting all mistakes at once.
 */
public final class ConfigLoader {

    /** Where the target is reached when neither a host nor a socket is given (Debian's default socket). */
    public static final Path DEFAULT_TARGET_SOCKET = Path.of("/run/mysqld/mysqld.sock");

    /** The longest chunk time accepted: one minute. */
    public static final int MAX_CHUNK_TIME_MS = 60_000;
    private static final Set<String> TOP_KEYS = Set.of("source", "target", "defaults", "tables", "daemon", "throttle");
    private static final Set<String> THROTTLE_KEYS = Set.of("max-load", "critical-load", "pause-file",
            "max-lag-seconds", "replicas", "chunk-time-ms");
    private static final Set<String> DAEMON_KEYS = Set.of("server-id", "position", "min-cycle-gap-ms", "heartbeat-ms",
            "checkpoint-name", "max-lag-seconds", "metrics-port", "metrics-address");
    private static final Set<String> ENDPOINT_KEYS = Set.of("host", "port", "socket", "user", "password",
            "password-env", "password-prompt", "database", "ssl-mode", "ssl-ca", "ssl-cert", "ssl-key", "cipher",
            "allow-public-key-retrieval");
    private static final Set<String> DEFAULTS_KEYS = Set.of("strategy", "chunk-rows", "hash", "transaction-rows");
    private static final Set<String> TABLE_KEYS = Set.of("strategy", "chunk-rows", "hash", "where", "follow",
            "children", "key");
    private static final int MAX_CHUNK_ROWS = 10_000_000;

    private final YamlTree yaml = new YamlTree();

    @Inject
    public ConfigLoader() {
    }

    /** Loads {@code file} (if any) and applies the overrides; throws {@link ConfigException} listing every mistake. */
    public Config load(Optional<Path> file, EndpointOverrides sourceFlags, EndpointOverrides targetFlags) {
        return load(file, sourceFlags, targetFlags, EndpointOverrides.none(), EndpointOverrides.none());
    }

    /**
     * Loads {@code file} (if any): the flags win over it, and the defaults (from MySQL option
     * files) fill in what neither gives.
     */
    public Config load(Optional<Path> file, EndpointOverrides sourceFlags, EndpointOverrides targetFlags,
                       EndpointOverrides sourceDefaults, EndpointOverrides targetDefaults) {
        String text = "";
        if (file.isPresent()) {
            try {
                text = Files.readString(file.get(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ConfigException(file.get().toString(), List.of(new ConfigProblem("--config",
                        "file " + file.get() + " does not exist; pass the path of your mysqlslice.yaml")));
            } catch (IOException e) {
                throw new ConfigException(file.get().toString(), List.of(new ConfigProblem("--config",
                        "cannot read " + file.get() + ": " + e.getMessage())));
            }
        }
        return parse(text, file, sourceFlags, targetFlags, sourceDefaults, targetDefaults);
    }

    /** Parses config text (the file's contents, possibly empty) and applies the overrides. */
    public Config parse(String text, Optional<Path> file, EndpointOverrides sourceFlags, EndpointOverrides targetFlags) {
        return parse(text, file, sourceFlags, targetFlags, EndpointOverrides.none(), EndpointOverrides.none());
    }

    /** Parses config text and applies the overrides (winning) and the defaults (filling in). */
    public Config parse(String text, Optional<Path> file, EndpointOverrides sourceFlags, EndpointOverrides targetFlags,
                        EndpointOverrides sourceDefaults, EndpointOverrides targetDefaults) {
        String origin = file.map(Path::toString).orElse("the command line");
        JsonNode root;
        try {
            root = text.isBlank() ? YamlTree.mapping() : yaml.read(text).orElse(null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(origin, List.of(new ConfigProblem("(file)",
                    "not valid YAML" + where + ": " + e.getOriginalMessage())));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = YamlTree.mapping();
        }
        ConfigTree tree = new ConfigTree();
        if (!root.isObject()) {
            tree.problem("(file)", "must be a mapping with the sections " + String.join(", ", TOP_KEYS));
            throw new ConfigException(origin, tree.problems());
        }
        tree.rejectUnknownKeys(root, "", TOP_KEYS);

        Optional<Path> directory = file.map(Path::toAbsolutePath).map(Path::getParent);
        Optional<EndpointConfig> source = endpoint(tree, root, Role.SOURCE, sourceFlags, sourceDefaults, Optional.empty(),
                directory);
        Optional<String> sourceDatabase = source.map(EndpointConfig::database);
        Optional<EndpointConfig> target = endpoint(tree, root, Role.TARGET, targetFlags, targetDefaults, sourceDatabase,
                directory);
        Defaults defaults = defaults(tree, root);
        List<TableConfig> tables = tables(tree, root, defaults);
        DaemonSettings daemon = daemon(tree, root);
        ThrottleSettings throttle = throttle(tree, root, directory);

        if (!tree.problems().isEmpty() || source.isEmpty() || target.isEmpty()) {
            throw new ConfigException(origin, tree.problems());
        }
        return new Config(file, source.get(), target.get(), defaults, tables, daemon, throttle);
    }

    private ThrottleSettings throttle(ConfigTree tree, JsonNode root, Optional<Path> directory) {
        ThrottleSettings settings = ThrottleSettings.defaults();
        Optional<JsonNode> node = tree.mapping(root, "", "throttle");
        if (node.isEmpty()) {
            return settings;
        }
        String path = "throttle";
        tree.rejectUnknownKeys(node.get(), path, THROTTLE_KEYS);
        Optional<String> maxLoad = tree.text(node.get(), path, "max-load");
        if (maxLoad.isPresent()) {
            settings = settings.withMaxLoad(loadLimit(tree, path + ".max-load", maxLoad.get()));
        }
        Optional<String> critical = tree.text(node.get(), path, "critical-load");
        if (critical.isPresent()) {
            settings = settings.withCriticalLoad(loadLimit(tree, path + ".critical-load", critical.get()));
        }
        OptionalInt maxLag = tree.integer(node.get(), path, "max-lag-seconds", 0, 86_400);
        if (maxLag.isPresent()) {
            settings = settings.withMaxLag(Duration.ofSeconds(maxLag.getAsInt()));
        }
        OptionalInt chunkTime = tree.integer(node.get(), path, "chunk-time-ms", 0, MAX_CHUNK_TIME_MS);
        if (chunkTime.isPresent()) {
            settings = settings.withChunkTime(new ChunkTime(Duration.ofMillis(chunkTime.getAsInt())));
        }
        JsonNode replicas = node.get().get("replicas");
        if (replicas != null) {
            List<String> dsns = new ArrayList<>();
            if (!replicas.isArray()) {
                tree.problem(path + ".replicas", "must be a list of DSNs, e.g. [\"h=replica1,P=3306\"]");
            } else {
                for (int i = 0; i < replicas.size(); i++) {
                    String dsn = replicas.get(i).asText();
                    try {
                        Dsn.parse(dsn, path + ".replicas[" + i + "]");
                        dsns.add(dsn);
                    } catch (ConfigException e) {
                        e.problems().forEach(problem -> tree.problem(problem.path(), problem.message()));
                    }
                }
            }
            settings = settings.withReplicas(dsns);
        }
        Optional<String> pauseFile = tree.text(node.get(), path, "pause-file");
        if (pauseFile.isPresent()) {
            Path file = Path.of(pauseFile.get());
            settings = settings.withPauseFile(directory.filter(dir -> !file.isAbsolute()).map(dir -> dir.resolve(file))
                    .orElse(file));
        }
        return settings;
    }

    /** A {@code VAR=N[,VAR=N...]} or {@code none} setting; a problem naming {@code path} otherwise. */
    private static LoadLimit loadLimit(ConfigTree tree, String path, String text) {
        Optional<LoadLimit> limit = LoadLimit.parse(text);
        if (limit.isEmpty()) {
            tree.problem(path, loadLimitProblem(text));
            return LoadLimit.NONE;
        }
        return limit.get();
    }

    /** A load limit given as a flag ({@code --max-load}); a config error naming the flag otherwise. */
    public static LoadLimit loadLimitFlag(String flag, String text) {
        return LoadLimit.parse(text).orElseThrow(() -> new ConfigException("the command line",
                List.of(new ConfigProblem(flag, loadLimitProblem(text)))));
    }

    private static String loadLimitProblem(String text) {
        return "'" + text + "' is not VARIABLE=NUMBER[,VARIABLE=NUMBER...] (e.g. Threads_running=25) or none";
    }

    private Optional<EndpointConfig> endpoint(ConfigTree tree, JsonNode root, Role role, EndpointOverrides flags,
                                              EndpointOverrides defaults, Optional<String> fallbackDatabase,
                                              Optional<Path> directory) {
        String path = role.section();
        JsonNode node = tree.mapping(root, "", path).orElseGet(YamlTree::mapping);
        int problemsBefore = tree.problems().size();
        tree.rejectUnknownKeys(node, path, ENDPOINT_KEYS);

        Optional<String> host = flags.host().or(() -> flags.socket().isPresent() ? Optional.empty() : tree.text(node, path, "host"));
        OptionalInt port = flags.port().isPresent() ? flags.port() : tree.integer(node, path, "port", 1, 65535);
        if (port.isEmpty()) {
            port = defaults.port();
        }
        Optional<Path> socket = flags.socket().or(() -> flags.host().isPresent() ? Optional.empty()
                : tree.text(node, path, "socket").map(Path::of));
        if (host.isEmpty() && socket.isEmpty()) {
            // As the mysql client does: host "localhost" with a socket means the socket.
            boolean local = defaults.host().map("localhost"::equalsIgnoreCase).orElse(true);
            socket = local ? defaults.socket() : Optional.empty();
            host = socket.isPresent() ? Optional.empty() : defaults.host();
        }
        if (host.isPresent() && socket.isPresent()) {
            tree.problem(path, "set either host (TCP) or socket (local unix socket), not both");
        }
        if (host.isEmpty() && socket.isEmpty()) {
            if (role == Role.SOURCE) {
                tree.problem(path + ".host", "missing; set it in the config file or pass -o/--remote-host");
            } else {
                socket = Optional.of(DEFAULT_TARGET_SOCKET);
            }
        }
        Optional<String> user = flags.user().or(() -> tree.text(node, path, "user")).or(defaults::user);
        if (user.isEmpty()) {
            tree.problem(path + ".user", "missing; set it in the config file or pass "
                    + (role == Role.SOURCE ? "-u/--remote-user" : "--local-user"));
        }
        PasswordSource password = flags.password().orElseGet(() -> password(tree, node, path));
        if (password instanceof PasswordSource.None && defaults.password().isPresent()) {
            password = defaults.password().get();
        }
        Optional<String> database = flags.database().or(() -> tree.text(node, path, "database")).or(defaults::database)
                .or(() -> fallbackDatabase);
        if (database.isEmpty()) {
            tree.problem(path + ".database", "missing; set it in the config file or pass "
                    + (role == Role.SOURCE ? "-d/--remote-database" : "--local-database"));
        }
        Optional<SslMode> sslMode = flags.sslMode().or(() -> tree.text(node, path, "ssl-mode").flatMap(text -> {
            Optional<SslMode> parsed = SslMode.parse(text);
            if (parsed.isEmpty()) {
                tree.problem(path + ".ssl-mode", "unknown mode '" + text + "'; allowed: " + SslMode.allowed());
            }
            return parsed;
        }));
        Optional<String> cipher = flags.cipher().or(() -> tree.text(node, path, "cipher"));
        // TLS files given here (flags, config file) must make sense; an option file's [client] ones only apply
        // where they can: a socket or an explicit DISABLED ignores them, as the mysql client does.
        TlsFiles givenTls = flags.tls().orElse(new TlsFiles(tlsFile(tree, node, path, "ssl-ca", directory),
                tlsFile(tree, node, path, "ssl-cert", directory), tlsFile(tree, node, path, "ssl-key", directory)));
        boolean publicKeyRetrieval = tree.bool(node, path, "allow-public-key-retrieval").orElse(false);

        if (tree.problems().size() > problemsBefore || user.isEmpty() || database.isEmpty()) {
            return Optional.empty();
        }
        if (socket.isPresent()) {
            if (!givenTls.isEmpty() || cipher.isPresent()) {
                tree.problem(path, "ssl-ca, ssl-cert, ssl-key and cipher apply to TCP connections; a unix socket is"
                        + " local and never uses TLS: remove them or set " + path + ".host");
                return Optional.empty();
            }
            return Optional.of(new EndpointConfig(role, host, port, socket, user.get(), password, database.get(),
                    SslMode.DISABLED, Optional.empty(), TlsFiles.none(), publicKeyRetrieval));
        }
        SslMode mode = tlsMode(sslMode, givenTls, defaults);
        // Option files fill in TLS files and ciphers only where TLS is used.
        TlsFiles tls = mode == SslMode.DISABLED ? givenTls : givenTls.orElse(defaults.tls());
        cipher = cipher.or(() -> mode == SslMode.DISABLED ? Optional.empty() : defaults.cipher());
        if (mode == SslMode.DISABLED && (cipher.isPresent() || !tls.isEmpty())) {
            tree.problem(path + ".ssl-mode", "DISABLED turns TLS off, but "
                    + (cipher.isPresent() ? "cipher" : "ssl-ca/ssl-cert/ssl-key") + " needs TLS; remove ssl-mode:"
                    + " DISABLED or those settings");
            return Optional.empty();
        }
        if (tls.cert().isPresent() != tls.key().isPresent()) {
            tree.problem(path + (tls.cert().isPresent() ? ".ssl-key" : ".ssl-cert"), tls.cert().isPresent()
                    ? "missing; a client certificate (ssl-cert) needs its private key: set ssl-key"
                    : "missing; a private key (ssl-key) needs its client certificate: set ssl-cert");
            return Optional.empty();
        }
        return Optional.of(new EndpointConfig(role, host, port, socket, user.get(), password, database.get(), mode,
                cipher, tls, publicKeyRetrieval));
    }

    /**
     * The TLS mode: the one given (flags, config file), else VERIFY_CA when a CA is given there (as the
     * mysql client does for {@code --ssl-ca} without {@code --ssl-mode}), else the option files' mode or CA
     * the same way, else PREFERRED.
     */
    private static SslMode tlsMode(Optional<SslMode> given, TlsFiles givenTls, EndpointOverrides defaults) {
        if (given.isPresent()) {
            return given.get();
        }
        if (givenTls.ca().isPresent()) {
            return SslMode.VERIFY_CA;
        }
        return defaults.sslMode().orElse(defaults.tls().ca().isPresent() ? SslMode.VERIFY_CA : SslMode.PREFERRED);
    }

    /** A TLS file setting; a relative path is taken from the config file's directory. */
    private static Optional<Path> tlsFile(ConfigTree tree, JsonNode node, String path, String key,
                                          Optional<Path> directory) {
        return tree.text(node, path, key).map(Path::of)
                .map(file -> file.isAbsolute() || directory.isEmpty() ? file : directory.get().resolve(file));
    }

    private PasswordSource password(ConfigTree tree, JsonNode node, String path) {
        Optional<String> literal = tree.text(node, path, "password");
        Optional<String> environment = tree.text(node, path, "password-env");
        boolean prompt = tree.bool(node, path, "password-prompt").orElse(false);
        int given = (literal.isPresent() ? 1 : 0) + (environment.isPresent() ? 1 : 0) + (prompt ? 1 : 0);
        if (given > 1) {
            tree.problem(path, "set at most one of password, password-env and password-prompt");
            return new PasswordSource.None();
        }
        if (literal.isPresent()) {
            return new PasswordSource.Literal(Secret.of(literal.get()));
        }
        if (environment.isPresent()) {
            return new PasswordSource.Environment(environment.get());
        }
        return prompt ? new PasswordSource.Prompt() : new PasswordSource.None();
    }

    private Defaults defaults(ConfigTree tree, JsonNode root) {
        Defaults standard = Defaults.standard();
        Optional<JsonNode> node = tree.mapping(root, "", "defaults");
        if (node.isEmpty()) {
            return standard;
        }
        tree.rejectUnknownKeys(node.get(), "defaults", DEFAULTS_KEYS);
        StrategyKind strategy = strategy(tree, node.get(), "defaults").orElse(standard.strategy());
        int chunkRows = tree.integer(node.get(), "defaults", "chunk-rows", 1, MAX_CHUNK_ROWS).orElse(standard.chunkRows());
        HashAlgorithm hash = hash(tree, node.get(), "defaults").orElse(standard.hash());
        int transactionRows = tree.integer(node.get(), "defaults", "transaction-rows", 1, MAX_CHUNK_ROWS)
                .orElse(standard.transactionRows());
        return new Defaults(strategy, chunkRows, hash, transactionRows);
    }

    private DaemonSettings daemon(ConfigTree tree, JsonNode root) {
        DaemonSettings standard = DaemonSettings.defaults();
        Optional<JsonNode> node = tree.mapping(root, "", "daemon");
        if (node.isEmpty()) {
            return standard;
        }
        String path = "daemon";
        tree.rejectUnknownKeys(node.get(), path, DAEMON_KEYS);
        int serverId = tree.integer(node.get(), path, "server-id", 1, Integer.MAX_VALUE).orElse(standard.serverId());
        DaemonSettings.PositionMode position = choice(tree, node.get(), path, "position", DaemonSettings.PositionMode::parse,
                "auto, file, gtid").orElse(standard.position());
        int gap = tree.integer(node.get(), path, "min-cycle-gap-ms", 0, 3_600_000).orElse(0);
        int heartbeat = tree.integer(node.get(), path, "heartbeat-ms", 100, 600_000)
                .orElse((int) standard.heartbeat().toMillis());
        String name = tree.text(node.get(), path, "checkpoint-name").orElse(standard.checkpointName());
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            tree.problem(path + ".checkpoint-name", "use 1 to 64 letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        int maxLag = tree.integer(node.get(), path, "max-lag-seconds", 1, 86_400).orElse((int) standard.maxLag().toSeconds());
        int port = tree.integer(node.get(), path, "metrics-port", 0, 65535).orElse(standard.metricsPort());
        String address = tree.text(node.get(), path, "metrics-address").orElse(standard.metricsAddress());
        return new DaemonSettings(serverId, position, Duration.ofMillis(gap),
                Duration.ofMillis(heartbeat), name, Duration.ofSeconds(maxLag), port, address);
    }

    private List<TableConfig> tables(ConfigTree tree, JsonNode root, Defaults defaults) {
        List<TableConfig> tables = new ArrayList<>();
        Optional<JsonNode> node = tree.mapping(root, "", "tables");
        if (node.isEmpty()) {
            return tables;
        }
        for (Map.Entry<String, JsonNode> entry : ConfigTree.entries(node.get())) {
            table(tree, entry.getKey(), entry.getValue(), defaults).ifPresent(tables::add);
        }
        checkSliceMembership(tree, tables);
        return tables;
    }

    private Optional<TableConfig> table(ConfigTree tree, String name, JsonNode value, Defaults defaults) {
        String path = "tables." + name;
        if (value == null || value.isNull()) {
            return Optional.of(TableConfig.withDefaults(name, defaults));
        }
        if (value.isTextual()) {
            // Shorthand: "baz: append-only".
            Optional<StrategyKind> strategy = StrategyKind.parse(value.asText());
            if (strategy.isEmpty()) {
                tree.problem(path, "unknown strategy '" + value.asText() + "'; allowed: " + StrategyKind.allowed());
                return Optional.empty();
            }
            if (strategy.get() == StrategyKind.SLICE) {
                tree.problem(path + ".where", "missing; a slice needs a where filter for its root table");
                return Optional.empty();
            }
            return Optional.of(TableConfig.withDefaults(name, defaults).withStrategy(strategy.get()));
        }
        if (!value.isObject()) {
            tree.problem(path, "must be a strategy name or a mapping with the keys " + String.join(", ", TABLE_KEYS));
            return Optional.empty();
        }
        int problemsBefore = tree.problems().size();
        tree.rejectUnknownKeys(value, path, TABLE_KEYS);
        Optional<StrategyKind> parsedStrategy = strategy(tree, value, path);
        StrategyKind strategy = parsedStrategy.orElse(defaults.strategy());
        int chunkRows = tree.integer(value, path, "chunk-rows", 1, MAX_CHUNK_ROWS).orElse(defaults.chunkRows());
        HashAlgorithm hash = hash(tree, value, path).orElse(defaults.hash());
        Optional<String> where = tree.text(value, path, "where");
        List<Reference> follow = references(tree, value, path, "follow");
        List<Reference> children = references(tree, value, path, "children");
        List<String> key = tree.textList(value, path, "key");

        if (strategy != StrategyKind.SLICE) {
            for (String sliceOnly : List.of("follow", "children")) {
                if (value.has(sliceOnly)) {
                    tree.problem(path + "." + sliceOnly, "applies only to strategy slice, not " + strategy);
                }
            }
        }
        if (strategy == StrategyKind.SLICE && where.isEmpty() && !value.has("where")) {
            tree.problem(path + ".where", "missing; a slice needs a where filter for its root table (use '1=1' for all rows)");
        }
        if (strategy == StrategyKind.GENERAL && value.has("where")) {
            tree.problem(path + ".where", "applies only to strategies slice and append-only; general syncs whole tables");
        }
        if (strategy == StrategyKind.SLICE) {
            checkReferenceChain(tree, path, name, follow, children);
        }
        if (tree.problems().size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new TableConfig(name, strategy, chunkRows, hash, where, follow, children, key));
    }

    private Optional<StrategyKind> strategy(ConfigTree tree, JsonNode node, String path) {
        return choice(tree, node, path, "strategy", StrategyKind::parse, StrategyKind.allowed());
    }

    private Optional<HashAlgorithm> hash(ConfigTree tree, JsonNode node, String path) {
        return choice(tree, node, path, "hash", HashAlgorithm::parse, HashAlgorithm.allowed());
    }

    /** One of a fixed set of names, e.g. a strategy; an unknown name is a problem listing the allowed ones. */
    private static <T> Optional<T> choice(ConfigTree tree, JsonNode node, String path, String key,
                                          Function<String, Optional<T>> parse, String allowed) {
        return tree.text(node, path, key).flatMap(text -> {
            Optional<T> value = parse.apply(text);
            if (value.isEmpty()) {
                tree.problem(path + "." + key, "unknown " + key + " '" + text + "'; allowed: " + allowed);
            }
            return value;
        });
    }

    private List<Reference> references(ConfigTree tree, JsonNode node, String path, String key) {
        List<Reference> references = new ArrayList<>();
        List<String> texts = tree.textList(node, path, key);
        for (int i = 0; i < texts.size(); i++) {
            Optional<Reference> reference = Reference.parse(texts.get(i));
            if (reference.isEmpty()) {
                tree.problem(path + "." + key + "[" + i + "]", "'" + texts.get(i)
                        + "' is not a reference; write it as table.column -> other_table.column");
            } else {
                references.add(reference.get());
            }
        }
        return references;
    }

    /** Every followed reference must start from a table already in the slice; every child must point into it. */
    private void checkReferenceChain(ConfigTree tree, String path, String root, List<Reference> follow,
                                     List<Reference> children) {
        Set<String> members = new LinkedHashSet<>(List.of(root));
        for (int i = 0; i < follow.size(); i++) {
            Reference reference = follow.get(i);
            if (!members.contains(reference.fromTable())) {
                tree.problem(path + ".follow[" + i + "]", "starts from " + reference.fromTable()
                        + ", which is not in the slice yet; list references from " + String.join(", ", members) + " first");
            }
            members.add(reference.toTable());
        }
        for (int i = 0; i < children.size(); i++) {
            Reference reference = children.get(i);
            if (members.contains(reference.fromTable())) {
                tree.problem(path + ".children[" + i + "]", "table " + reference.fromTable()
                        + " is already in the slice; a child table must be a table the slice does not reach otherwise");
            }
            if (!members.contains(reference.toTable())) {
                tree.problem(path + ".children[" + i + "]", "points at " + reference.toTable()
                        + ", which is not in the slice; children must refer to one of " + String.join(", ", members));
            }
            members.add(reference.fromTable());
        }
    }

    /** A table pulled in by a slice must not be synced by another strategy too. */
    private void checkSliceMembership(ConfigTree tree, List<TableConfig> tables) {
        Set<String> seen = new HashSet<>();
        for (TableConfig slice : tables) {
            if (slice.strategy() != StrategyKind.SLICE) {
                continue;
            }
            for (String member : sliceMembers(slice)) {
                if (!seen.add(member)) {
                    tree.problem("tables." + slice.name(), "table " + member + " is already part of another slice");
                }
                tables.stream().filter(other -> other.name().equals(member) && other != slice
                        && other.strategy() != StrategyKind.SKIP).findFirst().ifPresent(other -> tree.problem(
                        "tables." + other.name(), "is part of slice " + slice.name()
                                + " and is replaced with it; remove its own entry"));
            }
        }
    }

    /** The root and every table a slice's references reach. */
    public static List<String> sliceMembers(TableConfig slice) {
        Set<String> members = new LinkedHashSet<>(List.of(slice.name()));
        slice.follow().forEach(reference -> members.add(reference.toTable()));
        slice.children().forEach(reference -> members.add(reference.fromTable()));
        return List.copyOf(members);
    }
}
