package dev.mysqlslice.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes identifiers and string literals for SQL text (pure functions). */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code name} as a backtick-quoted identifier, backticks doubled. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Several identifiers quoted and joined with ", ". */
    public static String quoteAll(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** {@code text} as a single-quoted string literal, safe under any sql_mode we set. */
    public static String literal(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\'' -> quoted.append("''");
                case '\\' -> quoted.append("\\\\");
                case '\0' -> quoted.append("\\0");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }
}
