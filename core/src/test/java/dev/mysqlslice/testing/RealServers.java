package dev.mysqlslice.testing;

import dev.mysqlslice.config.Role;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test method a {@link ServerPair}: a fresh, uniquely named database
 * on the source server and one on the target server, dropped after the test.
 */
public final class RealServers implements ParameterResolver, AfterEachCallback {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServerPair.class || type == TestServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestServers servers = TestServers.get();
        if (parameter.getParameter().getType() == TestServers.class) {
            return servers;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("pair", key -> create(servers, context), ServerPair.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ServerPair pair = context.getStore(NAMESPACE).remove("pair", ServerPair.class);
        if (pair != null && System.getenv("MYSQLSLICE_TEST_KEEP") == null) {
            pair.source().drop();
            pair.target().drop();
        }
    }

    private static ServerPair create(TestServers servers, ExtensionContext context) {
        String base = context.getRequiredTestClass().getSimpleName() + "_" + context.getRequiredTestMethod().getName();
        String name = databaseName(base, COUNTER.incrementAndGet());
        TestDatabase source = new TestDatabase(servers.source(), name, Role.SOURCE);
        TestDatabase target = new TestDatabase(servers.target(), name, Role.TARGET);
        source.create();
        target.create();
        return new ServerPair(source, target);
    }

    static String databaseName(String base, int counter) {
        String cleaned = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String suffix = "_" + counter;
        int room = 60 - suffix.length();
        return (cleaned.length() > room ? cleaned.substring(0, room) : cleaned) + suffix;
    }
}
