package dev.mysqlslice.jdbc;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.PasswordSource;
import dev.mysqlslice.config.Secret;
import java.util.List;
import java.util.function.Function;

/** Turns an endpoint's {@link PasswordSource} into the password, once, when it is first needed. */
public final class PasswordResolver {

    /** Asks the user for a password; the CLI reads the terminal without echo. */
    @FunctionalInterface
    public interface Prompter {
        Secret ask(String prompt);
    }

    private final Function<String, String> environment;
    private final Prompter prompter;

    public PasswordResolver(Function<String, String> environment, Prompter prompter) {
        this.environment = environment;
        this.prompter = prompter;
    }

    /** Reads real environment variables and prompts on the terminal. */
    public static PasswordResolver system(Prompter prompter) {
        return new PasswordResolver(System::getenv, prompter);
    }

    public Endpoint resolve(EndpointConfig config) {
        PasswordSource source = config.password();
        Secret secret;
        if (source instanceof PasswordSource.Literal literal) {
            secret = literal.secret();
        } else if (source instanceof PasswordSource.Environment env) {
            String value = environment.apply(env.variable());
            if (value == null) {
                throw new ConfigException("the environment", List.of(new ConfigProblem(config.role().section()
                        + ".password-env", "environment variable " + env.variable()
                        + " is not set; export it or use another password source")));
            }
            secret = Secret.of(value);
        } else if (source instanceof PasswordSource.Prompt) {
            secret = prompter.ask("Enter password for " + config.role().section() + " " + config.address()
                    + " user '" + config.user() + "': ");
        } else {
            secret = Secret.empty();
        }
        return new Endpoint(config, secret);
    }
}
