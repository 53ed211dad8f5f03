package dev.mysqlslice.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads YAML text into Jackson's tree model with the streaming parser alone: the tree
 * {@code ObjectMapper.readTree} gives (the same node for every scalar), without building the
 * data-binding layer first, which took about 15% of a one-shot command's main-thread start-up
 * (sampled with JFR) for a file read once per run. Duplicate keys in a mapping are an error.
 */
final class YamlTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLFactory factory = new YAMLFactory();

    YamlTree() {
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The first document of {@code text}; empty when there is none (blank text, only comments). */
    Optional<JsonNode> read(String text) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? Optional.empty() : Optional.of(node(parser, first));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from memory", e);
        }
    }

    /** An empty mapping. */
    static ObjectNode mapping() {
        return NODES.objectNode();
    }

    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                ObjectNode mapping = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    mapping.set(name, node(parser, parser.nextToken()));
                }
                return mapping;
            case START_ARRAY:
                ArrayNode sequence = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    sequence.add(node(parser, next));
                }
                return sequence;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    case FLOAT -> NODES.numberNode(parser.getFloatValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                Object embedded = parser.getEmbeddedObject();
                return embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
            default:
                throw new IllegalStateException("unexpected YAML token " + token);
        }
    }
}
