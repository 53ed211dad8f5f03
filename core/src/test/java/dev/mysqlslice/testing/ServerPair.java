package dev.mysqlslice.testing;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.EndpointOverrides;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.jdbc.Endpoint;
import java.util.Map;
import java.util.Optional;

/** A fresh source database and a fresh target database for one test. */
public record ServerPair(TestDatabase source, TestDatabase target) {

    public TestDatabase get(Role role) {
        return role == Role.SOURCE ? source : target;
    }

    /** The config-file text for these databases plus {@code rest} (e.g. a tables section). */
    public String yaml(String rest) {
        return source.yamlSection() + target.yamlSection() + rest;
    }

    /** A loaded config for these databases with the given extra YAML (e.g. "tables:\n  t: general\n"). */
    public Config config(String rest) {
        Config config = new ConfigLoader().parse(yaml(rest), Optional.empty(), EndpointOverrides.none(),
                EndpointOverrides.none());
        return new Config(config.file(), withPassword(config.source(), source), withPassword(config.target(), target),
                config.defaults(), config.tables(), config.daemon(), config.throttle());
    }

    /** Resolved endpoints for direct use of the library classes. */
    public Endpoint endpoint(Role role) {
        TestDatabase database = get(role);
        return new Endpoint(database.endpoint(), Secret.of(database.server().password()));
    }

    /** The same databases, reached on the source with another account. */
    public ServerPair withSourceUser(String user, String password) {
        ServerAddress other = source.server().as(user, password);
        return new ServerPair(new TestDatabase(other, source.name(), source.role()), target);
    }

    /** The environment variables that carry the passwords named in {@link #yaml(String)}. */
    public Map<String, String> passwordEnvironment() {
        return Map.of(source.passwordEnv(), source.server().password(), target.passwordEnv(), target.server().password());
    }

    private static EndpointConfig withPassword(EndpointConfig config,
                                                                     TestDatabase database) {
        return config.withPassword(new PasswordSource.Literal(Secret.of(database.server().password())));
    }
}
