package dev.mysqlslice.cli;

import dev.mysqlslice.config.ConfigException;
import dev.mysqlslice.config.ConfigProblem;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.jdbc.PasswordResolver;
import java.io.Console;
import java.util.List;

/** Asks for a password on the terminal without echoing it. */
public final class TerminalPrompter implements PasswordResolver.Prompter {

    @Override
    public Secret ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new ConfigException("the command line", List.of(new ConfigProblem("password",
                    "a password prompt needs a terminal; set password-env in the config instead")));
        }
        char[] password = console.readPassword("%s", prompt);
        return Secret.of(password == null ? "" : new String(password));
    }
}
