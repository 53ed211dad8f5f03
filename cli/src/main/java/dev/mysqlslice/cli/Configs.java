package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.PasswordResolver;
import dev.mysqlslice.jdbc.SessionPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the config for a command from its options and resolves endpoint passwords. */
public final class Configs {

    /** The warning the mysql client prints for a password on the command line, in our name. */
    public static final String PASSWORD_FLAG_WARNING =
            "mysqlslice: [Warning] Using a password on the command line interface can be insecure.";

    private static final Logger LOG = LoggerFactory.getLogger(Configs.class);

    private final ConfigLoader loader;
    private final PasswordResolver passwords;

    @Inject
    public Configs(ConfigLoader loader, PasswordResolver passwords) {
        this.loader = loader;
        this.passwords = passwords;
    }

    /** The config from the file and flags; warns on {@code err} when a password was typed as a flag. */
    public Config load(ConnectionOptions options, PrintWriter err) {
        if (options.passwordOnCommandLine()) {
            err.println(PASSWORD_FLAG_WARNING);
            err.flush();
        }
        Path home = Path.of(System.getProperty("user.home"));
        Config config = options.withThrottleFlags(loader.load(options.configFile(), options.sourceOverrides(),
                options.targetOverrides(), options.defaults(Role.SOURCE, home), options.defaults(Role.TARGET, home)));
        tlsWarnings(config).forEach(warning -> LOG.warn("{}", warning));
        return config;
    }

    /**
     * What the TLS settings leave open: a source across the network whose certificate is not
     * checked, and a CA given to a mode that does not use it (the mysql client warns of the same).
     */
    static List<String> tlsWarnings(Config config) {
        List<String> warnings = new ArrayList<>();
        for (EndpointConfig endpoint : List.of(config.source(), config.target())) {
            String section = endpoint.role().section();
            if (endpoint.tls().ca().isPresent() && !endpoint.verifiesServer()) {
                warnings.add(section + ".ssl-ca is set, but " + section + ".ssl-mode " + endpoint.sslMode()
                        + " does not check the server's certificate; set " + section + ".ssl-mode: VERIFY_IDENTITY (or"
                        + " VERIFY_CA)");
            } else if (endpoint.role() == Role.SOURCE && !endpoint.isLocal() && !endpoint.verifiesServer()) {
                warnings.add("the source " + endpoint.address() + " is reached without checking its certificate ("
                        + section + ".ssl-mode " + endpoint.sslMode() + "), so whoever is on the network path can pose"
                        + " as it; set " + section + ".ssl-mode: VERIFY_IDENTITY and " + section + ".ssl-ca to its CA");
            }
        }
        return warnings;
    }

    public Endpoint endpoint(EndpointConfig config) {
        return passwords.resolve(config);
    }

    /** A session on the config's source and one on its target, opened at the same time. */
    public SessionPair sessions(Connector connector, Config config) {
        return SessionPair.open(connector, endpoint(config.source()), endpoint(config.target()));
    }
}
