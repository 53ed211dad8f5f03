package dev.mysqlslice.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

class LoggingStartupTest {

    @Test
    void javaUtilLoggingGoesToSlf4jOnceStartUpHasBeenAwaited() {
        LoggingStartup.begin().await();

        assertThat(SLF4JBridgeHandler.isInstalled()).isTrue();
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
    }
}
