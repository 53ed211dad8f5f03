package dev.mysqlslice.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An end-to-end case kept as data under {@code scenarios/<name>/} on the test classpath:
 * {@code source.sql} (run on the source), optional {@code target.sql}, {@code changes.sql}
 * (run on the source after a first sync), {@code expected.sql} (builds the expected contents
 * on the source) and {@code expected.yaml} (the outcome).
 */
public record Scenario(String name, String sourceSql, String targetSql, String changesSql, String expectedSql,
                       JsonNode expected) {

    public static Scenario load(String name) {
        return new Scenario(name, resource(name, "source.sql", true), resource(name, "target.sql", false),
                resource(name, "changes.sql", false), resource(name, "expected.sql", false),
                yaml(resource(name, "expected.yaml", false)));
    }

    /** Loads the scenario's SQL into the pair's databases. */
    public void setUp(ServerPair servers) {
        servers.source().executeScript(sourceSql);
        if (!targetSql.isBlank()) {
            servers.target().executeScript(targetSql);
        }
    }

    private static String resource(String name, String file, boolean required) {
        return text("/scenarios/" + name + "/" + file, required);
    }

    /** A scenario file on the test class path; empty when it is missing and not {@code required}. */
    static String text(String path, boolean required) {
        try (InputStream in = Scenario.class.getResourceAsStream(path)) {
            if (in == null) {
                if (required) {
                    throw new IllegalArgumentException("scenario file " + path + " is missing");
                }
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode yaml(String text) {
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
            return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
