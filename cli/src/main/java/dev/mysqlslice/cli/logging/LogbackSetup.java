package dev.mysqlslice.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * Configures logging in code (found by logback through the service loader), which starts much
 * faster than parsing a logback.xml: one line per event on stderr with time, level and table, or
 * one JSON object per line ({@code --log-format json}).
 * A logback.xml given with {@code -Dlogback.configurationFile} still takes precedence.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    /** The text format's line, as a logback pattern ({@link TextLayout} prints it). */
    public static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %-12.12X{table} %msg%n";

    /** The log line formats. */
    public enum Format {
        /** One readable line per event: time, level, table, message. */
        TEXT,
        /** One JSON object per line (timestamp, level, logger, mdc.table, message, throwable), for log shippers. */
        JSON
    }

    /** Switches the console log to {@code format} (when logging is configured by this class). */
    public static void use(Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (!(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR") instanceof ConsoleAppender<ILoggingEvent> stderr)) {
            return;
        }
        stderr.stop();
        stderr.setEncoder(format == Format.JSON ? jsonEncoder(context) : textEncoder(context));
        stderr.start();
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        TextLayout layout = new TextLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMarkers(false);
        encoder.setWithKVPList(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithThreadName(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(textEncoder(context));
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        context.getLogger("com.github.shyiko").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
