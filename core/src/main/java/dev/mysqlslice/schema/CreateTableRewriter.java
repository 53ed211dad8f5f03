package dev.mysqlslice.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a {@code SHOW CREATE TABLE} statement for the target: FOREIGN KEY constraints removed
 * (the target holds a subset of the source, so references may dangle) and the AUTO_INCREMENT
 * counter reset; everything else (columns, indexes, generated columns, charset, collation, row
 * format, partitioning, CHECK constraints) is kept byte for byte.
 */
public final class CreateTableRewriter {

    private static final Pattern FOREIGN_KEY_LINE = Pattern.compile(
            "^\\s*CONSTRAINT\\s+`(?:[^`]|``)*`\\s+FOREIGN\\s+KEY\\s.*$");
    private static final Pattern UNNAMED_FOREIGN_KEY_LINE = Pattern.compile("^\\s*FOREIGN\\s+KEY\\s.*$");
    private static final Pattern AUTO_INCREMENT_OPTION = Pattern.compile(" AUTO_INCREMENT=\\d+");

    /** The rewritten statement and how many foreign keys were removed. */
    public record Result(String statement, int foreignKeysRemoved) {
    }

    private CreateTableRewriter() {
    }

    public static Result rewrite(String createTable) {
        String[] lines = createTable.split("\n", -1);
        List<String> kept = new ArrayList<>();
        int removed = 0;
        boolean inTableOptions = false;
        for (String line : lines) {
            if (!inTableOptions && (FOREIGN_KEY_LINE.matcher(line).matches() || UNNAMED_FOREIGN_KEY_LINE.matcher(line).matches())) {
                removed++;
                continue;
            }
            if (!inTableOptions && line.startsWith(")")) {
                inTableOptions = true;
                dropTrailingComma(kept);
                line = AUTO_INCREMENT_OPTION.matcher(line).replaceFirst("");
            }
            kept.add(line);
        }
        return new Result(String.join("\n", kept), removed);
    }

    private static void dropTrailingComma(List<String> kept) {
        if (kept.isEmpty()) {
            return;
        }
        int last = kept.size() - 1;
        String line = kept.get(last);
        if (line.endsWith(",")) {
            kept.set(last, line.substring(0, line.length() - 1));
        }
    }
}
