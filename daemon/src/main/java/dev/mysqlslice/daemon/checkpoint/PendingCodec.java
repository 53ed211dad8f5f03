package dev.mysqlslice.daemon.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysqlslice.daemon.binlog.BinlogPosition;
import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.model.Bound;
import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes pending ranges and daemon status as JSON and reads them back exactly: every key part
 * keeps its Java type ({@code {"long": "42"}}, {@code {"bytes": "0a0b"}}, ...).
 */
public final class PendingCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingCodec() {
    }

    public static String write(Map<String, TableChange> pending) {
        ObjectNode root = JSON.createObjectNode();
        pending.forEach((table, change) -> {
            if (change instanceof TableChange.Ranges ranges) {
                ArrayNode list = root.putArray(table);
                ranges.ranges().forEach(range -> {
                    ObjectNode node = list.addObject();
                    range.lower().ifPresent(bound -> node.set(bound.inclusive() ? "from" : "after", key(bound.key())));
                    range.upper().ifPresent(bound -> node.set(bound.inclusive() ? "to" : "before", key(bound.key())));
                });
            } else if (change instanceof TableChange.Members members) {
                ObjectNode tables = root.putObject(table).putObject("members");
                members.keys().forEach((member, keys) -> {
                    ArrayNode list = tables.putArray(member);
                    keys.forEach(key -> list.add(key(key)));
                });
            } else {
                root.put(table, change instanceof TableChange.Rewritten ? "rewritten" : "whole");
            }
        });
        return root.toString();
    }

    public static Map<String, TableChange> read(String text) {
        Map<String, TableChange> pending = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pending;
        }
        JsonNode root = parse(text);
        root.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                pending.put(entry.getKey(), "rewritten".equals(entry.getValue().asText()) ? new TableChange.Rewritten()
                        : new TableChange.Whole());
                return;
            }
            if (entry.getValue().isObject()) {
                Map<String, List<Key>> members = new LinkedHashMap<>();
                entry.getValue().path("members").fields().forEachRemaining(member -> {
                    List<Key> keys = new ArrayList<>();
                    member.getValue().forEach(node -> keys.add(key(node)));
                    members.put(member.getKey(), keys);
                });
                pending.put(entry.getKey(), new TableChange.Members(members));
                return;
            }
            List<KeyRange> ranges = new ArrayList<>();
            entry.getValue().forEach(node -> ranges.add(new KeyRange(bound(node, "from", "after"), bound(node, "to", "before"))));
            pending.put(entry.getKey(), new TableChange.Ranges(ranges));
        });
        return pending;
    }

    /** {"units": [...], "behind": {"unit": {"file": ..., "position": ..., "gtids": ...}}}; null for legacy coverage. */
    public static String writeCoverage(Coverage coverage) {
        if (coverage.units().isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode units = root.putArray("units");
        coverage.units().get().stream().sorted().forEach(units::add);
        ObjectNode behind = root.putObject("behind");
        coverage.behind().forEach((unit, position) -> {
            ObjectNode node = behind.putObject(unit);
            node.put("file", position.file());
            node.put("position", position.position());
            position.gtids().ifPresent(gtids -> node.put("gtids", gtids));
        });
        return root.toString();
    }

    public static Coverage readCoverage(String text) {
        if (text == null || text.isBlank()) {
            return Coverage.legacy();
        }
        JsonNode root = parse(text);
        Set<String> units = new LinkedHashSet<>();
        root.path("units").forEach(unit -> units.add(unit.asText()));
        Map<String, BinlogPosition> behind = new LinkedHashMap<>();
        root.path("behind").fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            behind.put(entry.getKey(), new BinlogPosition(node.path("file").asText(), node.path("position").asLong(),
                    Optional.ofNullable(node.get("gtids")).map(JsonNode::asText)));
        });
        return new Coverage(Optional.of(units), behind);
    }

    public static String writeStatus(DaemonStatus status) {
        return JSON.valueToTree(status).toString();
    }

    public static DaemonStatus readStatus(String text) {
        if (text == null || text.isBlank()) {
            return DaemonStatus.initial();
        }
        try {
            return JSON.treeToValue(parse(text), DaemonStatus.class);
        } catch (JsonProcessingException e) {
            return DaemonStatus.initial();
        }
    }

    private static Optional<Bound> bound(JsonNode node, String inclusive, String exclusive) {
        if (node.has(inclusive)) {
            return Optional.of(Bound.inclusive(key(node.get(inclusive))));
        }
        return node.has(exclusive) ? Optional.of(Bound.exclusive(key(node.get(exclusive)))) : Optional.empty();
    }

    private static ArrayNode key(Key key) {
        ArrayNode parts = JSON.createArrayNode();
        for (Object part : key.parts()) {
            ObjectNode node = parts.addObject();
            if (part instanceof Long number) {
                node.put("long", number.toString());
            } else if (part instanceof BigInteger number) {
                node.put("bigint", number.toString());
            } else if (part instanceof BigDecimal number) {
                node.put("decimal", number.toPlainString());
            } else if (part instanceof Double number) {
                node.put("double", Double.toString(number));
            } else if (part instanceof Bytes bytes) {
                node.put("bytes", HexFormat.of().formatHex(bytes.toArray()));
            } else {
                node.put("text", (String) part);
            }
        }
        return parts;
    }

    private static Key key(JsonNode parts) {
        List<Object> values = new ArrayList<>();
        parts.forEach(node -> {
            String type = node.fieldNames().next();
            String value = node.get(type).asText();
            values.add(switch (type) {
                case "long" -> Long.parseLong(value);
                case "bigint" -> KeyCodec.normalize(new BigInteger(value));
                case "decimal" -> new BigDecimal(value);
                case "double" -> Double.parseDouble(value);
                case "bytes" -> Bytes.of(HexFormat.of().parseHex(value));
                default -> value;
            });
        });
        return new Key(values);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MysqlsliceException(Failure.INTERNAL, "the checkpoint's stored state is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
