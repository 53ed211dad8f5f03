package dev.mysqlslice.cli.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The command line's SLF4J provider (named by the {@code slf4j.provider} property, so SLF4J looks
 * for no other): logback, configured by {@link LogbackSetup} directly. Logback's own start-up
 * looks for configurators through the service loader and reports how long each took in a string
 * built with {@code invokedynamic}, the first in the process: about 50 ms of a cold start. A
 * logback.xml given with {@code -Dlogback.configurationFile} still goes through logback's own
 * start-up and takes precedence.
 */
public final class LogbackProvider implements SLF4JServiceProvider {

    /** The slf4j-api version this provider is written against. */
    private static final String API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                // Logback recorded the problem as an error status, printed below.
            }
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
        } else {
            LogbackSetup setup = new LogbackSetup();
            setup.setContext(context);
            setup.configure(context);
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
