package dev.mysqlslice.cli.options;

import dev.mysqlslice.config.ClientOptionFile;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.Dsn;
import dev.mysqlslice.config.EndpointOverrides;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.config.SslMode;
import dev.mysqlslice.config.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The config file and the connection flags, compatible with the original tool's
 * ({@code --local-user --local-password --local-database --local-socket -u -p -o -d -c}), DSNs
 * and MySQL option files. Precedence: flags, then {@code --source}/{@code --target}, then the
 * config file, then option files.
 */
public final class ConnectionOptions {

    /** How work on the source holds back: part of every command that reads the config. */
    @picocli.CommandLine.Mixin
    ThrottleOptions throttle = new ThrottleOptions();

    /** The config file read when {@code --config} is not given and it exists. */
    public static final Path DEFAULT_CONFIG = Path.of("mysqlslice.yaml");

    /** The value picocli gives a password flag that has no value: prompt for it. */
    static final String PROMPT = "\u0000prompt";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: ./mysqlslice.yaml when it exists).")
    Path config;

    @Option(names = "--source", paramLabel = "DSN",
            description = "Source as a DSN, e.g. h=db1,P=3306,u=sync,D=shop,F=source.cnf (keys h P u p D S F);"
                    + " the flags below win over it, it wins over the config file.")
    String sourceDsn;

    @Option(names = "--target", paramLabel = "DSN", description = "Target as a DSN, e.g. S=/run/mysqld/mysqld.sock,D=shop.")
    String targetDsn;

    @Option(names = "--defaults-file", paramLabel = "FILE",
            description = "Read connection defaults from this MySQL option file instead of ~/.my.cnf: groups [client],"
                    + " [mysqlslice], then [mysqlslice-source] / [mysqlslice-target]. They fill in what the config"
                    + " file and flags leave out.")
    Path defaultsFile;

    @Option(names = "--no-defaults", description = "Do not read ~/.my.cnf.")
    boolean noDefaults;

    @ArgGroup(exclusive = false, heading = "%nSource (remote) server:%n")
    Source source = new Source();

    @ArgGroup(exclusive = false, heading = "%nTarget (local) server:%n")
    Target target = new Target();

    /** Flags for the server that is read. */
    static final class Source {
        @Option(names = {"-o", "--remote-host"}, paramLabel = "HOST", description = "Source host.")
        String host;

        @Option(names = "--remote-port", paramLabel = "PORT", description = "Source port (default 3306).")
        Integer port;

        @Option(names = {"-u", "--remote-user"}, paramLabel = "USER", description = "Source user.")
        String user;

        @Option(names = {"-p", "--remote-password"}, paramLabel = "PASSWORD", arity = "0..1", fallbackValue = PROMPT,
                description = "Source password; without a value, prompt for it. Prefer source.password-env.")
        String password;

        @Option(names = {"-d", "--remote-database"}, paramLabel = "DB", description = "Source database.")
        String database;

        @Option(names = {"-c", "--cipher"}, paramLabel = "CIPHERS",
                description = "TLS cipher suites for the source connection (Java names, comma-separated).")
        String cipher;

        @Option(names = "--remote-ssl-mode", paramLabel = "MODE",
                description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY (default PREFERRED;"
                        + " VERIFY_CA when --remote-ssl-ca is given).")
        String sslMode;

        @Option(names = "--remote-ssl-ca", paramLabel = "FILE",
                description = "PEM file of the CA(s) that sign the source's certificate (e.g. the RDS bundle).")
        Path sslCa;

        @Option(names = "--remote-ssl-cert", paramLabel = "FILE", description = "PEM client certificate for the source.")
        Path sslCert;

        @Option(names = "--remote-ssl-key", paramLabel = "FILE",
                description = "PEM private key of --remote-ssl-cert (PKCS#8 or RSA, unencrypted).")
        Path sslKey;
    }

    /** Flags for the server that is written. */
    static final class Target {
        @Option(names = "--local-host", paramLabel = "HOST", description = "Target host (TCP instead of a socket).")
        String host;

        @Option(names = "--local-port", paramLabel = "PORT", description = "Target port (default 3306).")
        Integer port;

        @Option(names = "--local-socket", paramLabel = "PATH",
                description = "Target unix socket (default /run/mysqld/mysqld.sock when no host is given).")
        Path socket;

        @Option(names = "--local-user", paramLabel = "USER", description = "Target user.")
        String user;

        @Option(names = "--local-password", paramLabel = "PASSWORD", arity = "0..1", fallbackValue = PROMPT,
                description = "Target password; without a value, prompt for it. Prefer target.password-env.")
        String password;

        @Option(names = "--local-database", paramLabel = "DB", description = "Target database (default: the source's).")
        String database;

        @Option(names = "--local-ssl-mode", paramLabel = "MODE", description = "TLS mode for a TCP target.")
        String sslMode;

        @Option(names = "--local-ssl-ca", paramLabel = "FILE", description = "PEM file of the CA(s) of a TCP target.")
        Path sslCa;

        @Option(names = "--local-ssl-cert", paramLabel = "FILE", description = "PEM client certificate for the target.")
        Path sslCert;

        @Option(names = "--local-ssl-key", paramLabel = "FILE", description = "PEM private key of --local-ssl-cert.")
        Path sslKey;
    }

    /** The config file to read, if any. */
    public Optional<Path> configFile() {
        if (config != null) {
            return Optional.of(config);
        }
        return Files.isRegularFile(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty();
    }

    /** Whether a password was typed on the command line (which the mysql client warns about). */
    public boolean passwordOnCommandLine() {
        return isLiteral(source.password) || isLiteral(target.password)
                || dsn(sourceDsn, "--source").map(Dsn::hasPassword).orElse(false)
                || dsn(targetDsn, "--target").map(Dsn::hasPassword).orElse(false);
    }

    /** The source settings of the flags, then of {@code --source}. */
    public EndpointOverrides sourceOverrides() {
        EndpointOverrides flags = new EndpointOverrides(Optional.ofNullable(source.host), optionalInt(source.port),
                Optional.empty(), Optional.ofNullable(source.user), password(source.password),
                Optional.ofNullable(source.database), sslMode(source.sslMode, "--remote-ssl-mode"),
                Optional.ofNullable(source.cipher), tls(source.sslCa, source.sslCert, source.sslKey));
        return flags.orElse(dsn(sourceDsn, "--source").map(Dsn::settings).orElse(EndpointOverrides.none()));
    }

    /** The target settings of the flags, then of {@code --target}. */
    public EndpointOverrides targetOverrides() {
        EndpointOverrides flags = new EndpointOverrides(Optional.ofNullable(target.host), optionalInt(target.port),
                Optional.ofNullable(target.socket), Optional.ofNullable(target.user), password(target.password),
                Optional.ofNullable(target.database), sslMode(target.sslMode, "--local-ssl-mode"), Optional.empty(),
                tls(target.sslCa, target.sslCert, target.sslKey));
        return flags.orElse(dsn(targetDsn, "--target").map(Dsn::settings).orElse(EndpointOverrides.none()));
    }

    /**
     * What MySQL option files give an endpoint: the DSN's {@code F=} file over {@code --defaults-file}
     * (or {@code ~/.my.cnf} in {@code home}, when it exists and {@code --no-defaults} is not given).
     */
    public EndpointOverrides defaults(Role role, Path home) {
        if (noDefaults && defaultsFile != null) {
            throw new ConfigException("the command line", List.of(new ConfigProblem("--no-defaults",
                    "cannot be combined with --defaults-file; drop one of them")));
        }
        ClientOptionFile shared = ClientOptionFile.none();
        if (defaultsFile != null) {
            shared = ClientOptionFile.read(defaultsFile, "--defaults-file");
        } else if (!noDefaults && Files.isRegularFile(home.resolve(".my.cnf"))) {
            shared = ClientOptionFile.read(home.resolve(".my.cnf"), "~/.my.cnf");
        }
        String flag = role == Role.SOURCE ? "--source" : "--target";
        Optional<Path> own = dsn(role == Role.SOURCE ? sourceDsn : targetDsn, flag).flatMap(Dsn::optionFile);
        EndpointOverrides base = shared.endpoint(role);
        return own.map(file -> ClientOptionFile.read(file, flag + " F=").endpoint(role).orElse(base)).orElse(base);
    }

    private static Optional<Dsn> dsn(String text, String flag) {
        return text == null ? Optional.empty() : Optional.of(Dsn.parse(text, flag));
    }

    private static boolean isLiteral(String password) {
        return password != null && !PROMPT.equals(password);
    }

    private static Optional<PasswordSource> password(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(PROMPT.equals(value) ? new PasswordSource.Prompt() : new PasswordSource.Literal(Secret.of(value)));
    }

    private static OptionalInt optionalInt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static TlsFiles tls(Path ca, Path cert, Path key) {
        return new TlsFiles(Optional.ofNullable(ca), Optional.ofNullable(cert), Optional.ofNullable(key));
    }

    private static Optional<SslMode> sslMode(String value, String flag) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(SslMode.parse(value).orElseThrow(() -> new ConfigException(
                "the command line", List.of(new ConfigProblem(flag,
                        "unknown mode '" + value + "'; allowed: " + SslMode.allowed())))));
    }

    /** The config with the throttle flags applied. */
    public Config withThrottleFlags(Config config) {
        return throttle.apply(config);
    }
}
