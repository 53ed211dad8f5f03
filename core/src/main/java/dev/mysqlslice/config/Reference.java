package dev.mysqlslice.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column that refers to another table's column, written {@code from_table.col -> to_table.col}. */
public record Reference(String fromTable, String fromColumn, String toTable, String toColumn) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([^.\\s]+)\\.([^.\\s]+)\\s*->\\s*([^.\\s]+)\\.([^.\\s]+)\\s*");

    /** Parses {@code "foo_ref.foo_token_id -> foo_tokens.id"}. */
    public static Optional<Reference> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Reference(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    @Override
    public String toString() {
        return fromTable + "." + fromColumn + " -> " + toTable + "." + toColumn;
    }
}
