package dev.mysqlslice.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Percona-style DSN such as {@code h=db1,P=3306,u=sync,D=shop,F=/etc/mysqlslice/source.cnf}:
 * comma-separated {@code key=value} parts with the keys h (host), P (port), u (user), p (password),
 * D (database), S (socket) and F (an option file for this endpoint). A bare word is the host.
 *
 * @param settings    the endpoint settings it gives
 * @param optionFile  the option file it names, if any
 * @param hasPassword whether it carries a password (which warns, as a password flag does)
 */
public record Dsn(EndpointOverrides settings, Optional<Path> optionFile, boolean hasPassword) {

    /** Parses {@code text} given as {@code flag}; every mistake is reported at once. */
    public static Dsn parse(String text, String flag) {
        Optional<String> host = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<Path> socket = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<PasswordSource> password = Optional.empty();
        Optional<String> database = Optional.empty();
        Optional<Path> file = Optional.empty();
        List<ConfigProblem> problems = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (String part : parts) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                if (parts.length == 1 && !part.isBlank()) {
                    host = Optional.of(part.strip());
                } else {
                    problems.add(new ConfigProblem(flag, "'" + part + "' is not key=value; use h=HOST,P=PORT,u=USER,D=DB"));
                }
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1);
            switch (key) {
                case "h" -> host = Optional.of(value);
                case "P" -> {
                    try {
                        port = OptionalInt.of(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        problems.add(new ConfigProblem(flag, "P=" + value + " is not a port number"));
                    }
                }
                case "S" -> socket = Optional.of(Path.of(value));
                case "u" -> user = Optional.of(value);
                case "p" -> password = Optional.of(new PasswordSource.Literal(Secret.of(value)));
                case "D" -> database = Optional.of(value);
                case "F" -> file = Optional.of(Path.of(value));
                default -> problems.add(new ConfigProblem(flag, "unknown DSN key '" + key
                        + "'; allowed: h (host), P (port), u (user), p (password), D (database), S (socket), F (option file)"));
            }
        }
        if (host.isPresent() && socket.isPresent()) {
            problems.add(new ConfigProblem(flag, "give h (TCP host) or S (unix socket), not both"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the command line", problems);
        }
        return new Dsn(new EndpointOverrides(host, port, socket, user, password, database, Optional.empty(),
                Optional.empty(), TlsFiles.none()), file, password.isPresent());
    }

    @Override
    public String toString() {
        return "Dsn[" + settings.host().or(() -> settings.socket().map(Path::toString)).orElse("") + "]";
    }
}
