package dev.mysqlslice.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextLayoutTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("dev.mysqlslice.x");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "INFO  | bench_orders      | 2 table(s) verified: all identical | false",
        "WARN  | NULL              | holding back: the source is busy   | false",
        "DEBUG | a_table_name_longer_than_twelve | cut finer {}        | false",
        "ERROR | t                 | cannot connect                     | true",
        "TRACE | ''                | ''                                 | false",
    })
    void printsWhatThePatternPrints(String level, String table, String message, boolean thrown) {
        LoggingEvent event = new LoggingEvent("x", logger, Level.toLevel(level), message,
                thrown ? new IllegalStateException("boom", new RuntimeException("cause")) : null, new Object[] {"arg"});
        event.setTimeStamp(1_764_660_000_123L);
        event.setMDCPropertyMap(table == null ? Map.of() : Map.of("table", table));

        TextLayout text = new TextLayout();
        text.setContext(context);
        text.start();

        assertThat(text.doLayout(event)).isEqualTo(pattern().doLayout(event));
    }

    private PatternLayout pattern() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(LogbackSetup.PATTERN);
        layout.start();
        return layout;
    }
}
