package dev.mysqlslice.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The key kinds of {@code scenarios/key-kinds/kinds.yaml}, as (name, kind) arguments of a parameterized test. */
public final class KeyKinds {

    private KeyKinds() {
    }

    public static Stream<Arguments> all() {
        try (InputStream in = KeyKinds.class.getResourceAsStream("/scenarios/key-kinds/kinds.yaml")) {
            JsonNode kinds = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Arguments> arguments = new ArrayList<>();
            kinds.forEach(kind -> arguments.add(Arguments.of(kind.get("name").asText(), kind)));
            return arguments.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
