package dev.mysqlslice.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a parsed YAML tree, recording a {@link ConfigProblem} for every value
 * that is missing, mistyped or unknown instead of stopping at the first.
 */
final class ConfigTree {

    private final List<ConfigProblem> problems = new ArrayList<>();

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    /** Reports every key of {@code node} that is not in {@code allowed}. */
    void rejectUnknownKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(join(path, name), "unknown key; allowed keys here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** The mapping at {@code key}, empty when absent; a non-mapping value is a problem. */
    Optional<JsonNode> mapping(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problem(join(path, key), "must be a mapping of keys to values");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    Optional<String> text(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBoolean()) {
            problem(join(path, key), "must be a single text value");
            return Optional.empty();
        }
        String value = node.asText();
        if (value.isBlank()) {
            problem(join(path, key), "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Boolean> bool(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(join(path, key), "must be true or false, got '" + node.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** An integer within {@code [min, max]}. */
    OptionalInt integer(JsonNode parent, String path, String key, int min, int max) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return OptionalInt.empty();
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.asText().trim().matches("-?\\d{1,18}")) {
            value = Long.parseLong(node.asText().trim());
        } else {
            problem(join(path, key), "must be a whole number between " + min + " and " + max + ", got '" + node.asText() + "'");
            return OptionalInt.empty();
        }
        if (value < min || value > max) {
            problem(join(path, key), "must be between " + min + " and " + max + ", got " + value);
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) value);
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> textList(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isValueNode() && !node.isBoolean()) {
            values.add(node.asText());
            return values;
        }
        if (!node.isArray()) {
            problem(join(path, key), "must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                problem(join(path, key) + "[" + i + "]", "must be a text value");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    /** The entries of a mapping in file order. */
    static List<Map.Entry<String, JsonNode>> entries(JsonNode mapping) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        mapping.fields().forEachRemaining(entries::add);
        return entries;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
