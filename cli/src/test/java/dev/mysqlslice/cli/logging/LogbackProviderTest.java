package dev.mysqlslice.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogbackProviderTest {

    @Test
    void configuresTheConsoleLineWithoutLogbacksOwnStartUp() {
        LogbackProvider provider = new LogbackProvider();
        provider.initialize();

        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(context.isStarted()).isTrue();
        assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("com.github.shyiko").getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, stderr -> {
            assertThat(stderr.getTarget()).isEqualTo("System.err");
            assertThat(stderr.getEncoder()).isInstanceOfSatisfying(LayoutWrappingEncoder.class,
                    encoder -> assertThat(encoder.getLayout()).isInstanceOf(TextLayout.class));
        });
        assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
    }

    @Test
    void aLogbackFileNamedOnTheCommandLineTakesPrecedence(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("logback.xml"), "<configuration>"
                + "<appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%msg%n</pattern></encoder></appender>"
                + "<root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root></configuration>");
        String before = System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, file.toString());
        try {
            LogbackProvider provider = new LogbackProvider();
            provider.initialize();

            Logger root = ((LoggerContext) provider.getLoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(root.getAppender("OUT")).isNotNull();
            assertThat(root.getAppender("STDERR")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
            } else {
                System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
            }
        }
    }
}
