package dev.mysqlslice.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Ceilings on the source's global status variables, written as pt-online-schema-change and gh-ost
 * write them: {@code Threads_running=25,Threads_connected=500}; {@code none} for no ceiling. A
 * ceiling is exceeded when the variable is above it.
 */
public record LoadLimit(Map<String, Long> ceilings) {

    public static final LoadLimit NONE = new LoadLimit(Map.of());

    private static final Pattern ITEM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[=:]\\s*(\\d{1,18})\\s*");

    public LoadLimit {
        ceilings = Collections.unmodifiableMap(new LinkedHashMap<>(ceilings));
    }

    /** Parses {@code VAR=N[,VAR=N...]} or {@code none}; empty when the text is neither. */
    public static Optional<LoadLimit> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("none") || trimmed.isEmpty()) {
            return Optional.of(NONE);
        }
        Map<String, Long> ceilings = new LinkedHashMap<>();
        for (String item : trimmed.split(",")) {
            Matcher matcher = ITEM.matcher(item);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            ceilings.put(canonical(matcher.group(1)), Long.parseLong(matcher.group(2)));
        }
        return Optional.of(new LoadLimit(ceilings));
    }

    public boolean isNone() {
        return ceilings.isEmpty();
    }

    /**
     * The first variable above its ceiling, as {@code Threads_running=31 (ceiling 25)}; empty when
     * none is. A variable the server does not report is not above anything.
     */
    public Optional<String> exceeded(Map<String, Long> status) {
        for (Map.Entry<String, Long> ceiling : ceilings.entrySet()) {
            Long value = status.get(ceiling.getKey());
            if (value != null && value > ceiling.getValue()) {
                return Optional.of(ceiling.getKey() + "=" + value + " (ceiling " + ceiling.getValue() + ")");
            }
        }
        return Optional.empty();
    }

    /** Status variable names compare without case; kept as the server spells the common ones. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : lower.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return isNone() ? "none" : ceilings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
