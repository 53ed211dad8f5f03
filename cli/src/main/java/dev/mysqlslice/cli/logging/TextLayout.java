package dev.mysqlslice.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The console's line per event exactly as the pattern {@value LogbackSetup#PATTERN} prints it (a
 * throwable's stack trace after it), built directly. Logback's PatternLayout parses its pattern and
 * first fills a table of every converter it knows; with the rest of logging's set-up that was about
 * 15% of a one-shot command's main-thread start-up (sampled with JFR).
 */
public final class TextLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int LEVEL_WIDTH = 5;
    private static final int TABLE_WIDTH = 12;

    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone), line);
        line.append(' ');
        fit(line, event.getLevel().toString(), LEVEL_WIDTH);
        line.append(' ');
        String table = event.getMDCPropertyMap().get("table");
        fit(line, table == null ? "" : table, TABLE_WIDTH);
        line.append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /** Left-justified in {@code width} characters; a longer value keeps its last ones (as {@code %-N.N}). */
    private static void fit(StringBuilder line, String value, int width) {
        if (value.length() > width) {
            line.append(value, value.length() - width, value.length());
            return;
        }
        line.append(value);
        line.append(" ".repeat(width - value.length()));
    }
}
