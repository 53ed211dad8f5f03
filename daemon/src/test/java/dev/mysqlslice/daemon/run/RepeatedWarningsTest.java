package dev.mysqlslice.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedWarningsTest {

    @Test
    void logsTheFirstThenOneSummaryPerInterval() {
        Logger log = (Logger) LoggerFactory.getLogger("repeated-warnings-test");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        AtomicLong now = new AtomicLong();
        RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofSeconds(60), now::get);

        for (int i = 0; i < 214; i++) {
            warnings.warn(log, "target down", "cannot write the checkpoint yet");
            now.addAndGet(Duration.ofMillis(28).toNanos());
        }
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        warnings.warn(log, "target down", "cannot write the checkpoint yet");
        warnings.warn(log, "other", "something else");

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "cannot write the checkpoint yet",
                "cannot write the checkpoint yet (and 213 more time(s) in the last 65 s)",
                "something else");
    }
}
