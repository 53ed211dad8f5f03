package dev.mysqlslice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeTest {

    private final YamlTree yaml = new YamlTree();

    @ParameterizedTest
    @ValueSource(strings = {
        "source:\n  host: db1.example.com\n  port: 3306\n  user: reader\n  password-env: PW\n  ssl-mode: VERIFY_IDENTITY\n"
            + "tables:\n  orders: general\n  events:\n    strategy: append-only\n    chunk-rows: 5000\n"
            + "  customers:\n    strategy: slice\n    where: \"region = 'eu' AND id > 10\"\n    follow: [orders, 'items']\n"
            + "daemon:\n  server-id: 4294967295\n  min-cycle-gap-ms: 0\n  metrics-port: ~\n"
            + "throttle:\n  max-lag-seconds: 1.5\n  max-load: {Threads_running: 25}\n  replicas:\n    - {host: r1, port: 3307}\n"
            + "    - host: r2\n",
        "a: 12345678901234567890123\nb: -7\nc: 0x1F\nd: 1e400\ne: .5\nf: true\ng: false\nh: null\ni: ''\nj: \"x: y # z\"\n",
        "list:\n  - 1\n  - [2, three]\n  - {four: 4}\n  -\n",
        "- not a mapping\n- 2\n",
        "just text",
        "multi: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    })
    void readsTheTreeObjectMapperReads(String text) throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());

        assertThat(yaml.read(text)).contains(mapper.readTree(text));
    }

    @Test
    void aDocumentWithNoContentHasNoRoot() throws Exception {
        assertThat(yaml.read("# only a comment\n")).isEmpty();
        assertThat(yaml.read("")).isEmpty();
    }

    @Test
    void aKeyGivenTwiceInOneMappingIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> yaml.read("tables:\n  t: general\n  t: slice\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 't'")
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(3));
    }

    @Test
    void malformedYamlIsAParseErrorWithItsLine() {
        assertThatThrownBy(() -> yaml.read("a: [1, 2\nb: 3\n"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation()).isNotNull());
    }
}
