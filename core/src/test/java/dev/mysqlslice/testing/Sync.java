package dev.mysqlslice.testing;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.model.SyncMode;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.strategy.ProgressListener;
import dev.mysqlslice.sync.SyncReport;
import dev.mysqlslice.sync.SyncRequest;
import java.util.List;

/** Runs a one-shot sync, dry run or verify between a test's two databases. */
public final class Sync {

    private static final TestComponent COMPONENT = TestComponent.create();

    private Sync() {
    }

    /** Syncs with the given tables section (e.g. "tables:\n  t: general\n"). */
    public static SyncReport run(ServerPair servers, String tablesYaml, SyncMode mode) {
        Config config = servers.config(tablesYaml);
        return COMPONENT.syncRunner().run(config, servers.endpoint(Role.SOURCE), servers.endpoint(Role.TARGET),
                new SyncRequest(List.of(), mode, 2), ProgressListener.NONE);
    }

    public static SyncReport apply(ServerPair servers, String tablesYaml) {
        return run(servers, tablesYaml, SyncMode.APPLY);
    }

    /** The one table report of a single-table run. */
    public static TableReport only(SyncReport report) {
        if (report.tables().size() != 1) {
            throw new IllegalStateException("expected one table report, got " + report.tables());
        }
        TableReport table = report.tables().get(0);
        if (table.error().isPresent()) {
            throw new IllegalStateException("table failed: " + table.error().get(), report.firstFailure().orElse(null));
        }
        return table;
    }
}
