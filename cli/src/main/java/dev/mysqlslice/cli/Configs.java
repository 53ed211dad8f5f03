package dev.mysqlslice.cli;

import dev.mysqlslice.cli.options.ConnectionOptions;
import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.PasswordResolver;
import dev.mysqlslice.config.Role;
import java.io.PrintWriter;
import java.nio.file.Path;
import javax.inject.Inject;

/** Loads the config for a command from its options and resolves endpoint passwords. */
public final class Configs {

    /** The warning the mysql client prints for a password on the command line, in our name. */
    public static final String PASSWORD_FLAG_WARNING =
            "mysqlslice: [Warning] Using a password on the command line interface can be insecure.";

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
        return loader.load(options.configFile(), options.sourceOverrides(), options.targetOverrides(),
                options.defaults(Role.SOURCE, home), options.defaults(Role.TARGET, home));
    }

    public Endpoint endpoint(EndpointConfig config) {
        return passwords.resolve(config);
    }
}
