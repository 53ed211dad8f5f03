package dev.mysqlslice.jdbc;

import dev.mysqlslice.concurrent.DaemonThreads;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Initialises Connector/J's heavy classes in the background at start-up, while the command line
 * and the config are parsed, so the first connection does not pay for it on the critical path.
 * That includes the JDK's locale data behind the US calendar Connector/J creates for every result
 * set (the first one looks up every available locale: ~30 ms of a cold start).
 */
public final class DriverWarmup {

    private static final String[] CLASSES = {
        "com.mysql.cj.jdbc.NonRegisteringDriver", "com.mysql.cj.conf.PropertyDefinitions", "com.mysql.cj.CharsetMapping",
        "com.mysql.cj.jdbc.ConnectionImpl", "com.mysql.cj.NativeSession", "com.mysql.cj.protocol.a.NativeProtocol",
        "com.mysql.cj.protocol.a.NativeServerSession", "com.mysql.cj.jdbc.ClientPreparedStatement",
        "com.mysql.cj.jdbc.result.ResultSetImpl", "com.mysql.cj.protocol.StandardSocketFactory",
        "com.mysql.cj.util.StringUtils", "com.mysql.cj.conf.ConnectionUrl", "com.mysql.cj.protocol.a.NativePacketPayload",
    };

    private DriverWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        DaemonThreads.named("mysqlslice-warmup").newThread(DriverWarmup::run).start();
    }

    private static void run() {
        ClassLoader loader = DriverWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
        }
        Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.US);
    }
}
