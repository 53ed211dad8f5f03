package dev.mysqlslice.strategy;

import dev.mysqlslice.config.StrategyKind;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableReport;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.ShadowSql;
import dev.mysqlslice.throttle.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A filtered root table plus the rows it refers to (and optionally rows that refer to it). The
 * slice is built in shadow tables on the target, compared with the live tables, and, when it
 * differs, swapped in for all its tables with one RENAME TABLE: readers see the old slice or the
 * new one, never an empty or half-loaded table. Without writing (dry run, verify) the shadows are
 * TEMPORARY tables of this session, invisible to everyone else, and nothing is swapped.
 *
 * <p>Given the changed rows of its tables ({@link Scope.Members}, from the binlog) the slice is
 * instead maintained in place by {@link SliceMaintainer}, in one transaction, unless that says a
 * rebuild is needed (logged at INFO with the reason).
 */
public final class SliceStrategy implements SyncStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SliceStrategy.class);

    /** How a slice's report says it was synced in place (the daemon counts these cycles apart from rebuilds). */
    public static final String MAINTAINED = "maintained in place";

    private final SliceBuilder builder;
    private final SliceMaintainer maintainer;

    @Inject
    public SliceStrategy(SliceBuilder builder, SliceMaintainer maintainer) {
        this.builder = builder;
        this.maintainer = maintainer;
    }

    @Override
    public List<TableReport> sync(TableJob job) {
        Instant start = Instant.now();
        if (job.scope() instanceof Scope.Members members && job.mode().writes()) {
            Optional<List<TableReport>> maintained = maintain(job, members, start);
            if (maintained.isPresent()) {
                return maintained.get();
            }
        }
        return rebuild(job, start);
    }

    private Optional<List<TableReport>> maintain(TableJob job, Scope.Members members, Instant start) {
        TablePlan plan = job.plan();
        Map<String, TableCounters> counters = new LinkedHashMap<>();
        plan.members().forEach(member -> counters.put(member.name(), new TableCounters()));
        Optional<String> rebuild;
        try (Session source = job.servers().openSource(); Session target = job.servers().openTarget()) {
            rebuild = maintainer.maintain(new SliceMaintainer.Request(plan, members.keys(), source, target,
                    job.servers().writeMethod(), counters));
        }
        if (rebuild.isPresent()) {
            LOG.info("slice {} is rebuilt instead of maintained in place: {}", plan.name(), rebuild.get());
            return Optional.empty();
        }
        Duration elapsed = Duration.between(start, Instant.now());
        List<TableReport> reports = new ArrayList<>();
        counters.forEach((table, tableCounters) -> reports.add(TableReport.finished(table, StrategyKind.SLICE, job.mode(),
                tableCounters.snapshot(), elapsed, true, MAINTAINED,
                table.equals(plan.name()) ? List.of() : List.of("part of slice " + plan.name()))));
        return Optional.of(reports);
    }

    private List<TableReport> rebuild(TableJob job, Instant start) {
        TablePlan plan = job.plan();
        boolean temporary = !job.mode().writes();
        List<String> live = plan.members().stream().map(TableShape::name).toList();
        Map<String, String> shadows = new LinkedHashMap<>();
        live.forEach(table -> shadows.put(table, ShadowSql.name(ShadowSql.NEW_PREFIX, table)));
        Map<String, TableCounters> counters = new LinkedHashMap<>();
        live.forEach(table -> counters.put(table, new TableCounters()));
        try (Session source = job.servers().openSource(); Session target = job.servers().openTarget()) {
            dropLeftovers(target, live, temporary);
            for (String table : live) {
                target.execute(ShadowSql.create(shadows.get(table), table, temporary), "creating a shadow of " + table);
            }
            try {
                builder.build(new SliceBuilder.Build(plan, source, target, shadows, job.servers().writeMethod(),
                        Pacing.of(job.servers().chunkTime(), plan.config().chunkRows(), job.servers().transactionRows()).pages(),
                        counters.get(plan.name()), job.servers().executor(),
                        job.progress()));
                boolean changed = false;
                for (TableShape member : plan.members()) {
                    changed |= countChanges(target, member, shadows.get(member.name()), counters.get(member.name()));
                }
                if (changed && job.mode().writes()) {
                    target.execute(ShadowSql.swap(live), "swapping in the new slice of " + plan.name());
                    target.execute(ShadowSql.dropIfExists(live.stream()
                            .map(table -> ShadowSql.name(ShadowSql.OLD_PREFIX, table)).toList(), false),
                            "dropping the replaced slice of " + plan.name());
                    LOG.info("slice {} replaced ({} tables)", plan.name(), live.size());
                }
                return reports(job, start, counters, changed);
            } finally {
                target.execute(ShadowSql.dropIfExists(List.copyOf(shadows.values()), temporary),
                        "dropping the shadows of " + plan.name());
            }
        }
    }

    /** Shadows left behind by an interrupted run are dropped before a new build. */
    private static void dropLeftovers(Session target, List<String> live, boolean temporary) {
        List<String> names = new ArrayList<>();
        for (String table : live) {
            names.add(ShadowSql.name(ShadowSql.NEW_PREFIX, table));
            if (!temporary) {
                names.add(ShadowSql.name(ShadowSql.OLD_PREFIX, table));
            }
        }
        target.execute(ShadowSql.dropIfExists(names, temporary), "dropping leftover shadow tables");
    }

    /** Counts the rows the new slice adds, changes and removes in one table; true when any. */
    private static boolean countChanges(Session target, TableShape shape, String shadow, TableCounters counters) {
        String doing = "comparing the new slice of " + shape.name();
        long inserted;
        long updated = 0;
        long deleted;
        if (shape.hasKey()) {
            inserted = target.queryOne(ShadowSql.countMissing(shape, shadow, shape.name()), statement -> { },
                    row -> row.getLong(1), doing).orElse(0L);
            deleted = target.queryOne(ShadowSql.countMissing(shape, shape.name(), shadow), statement -> { },
                    row -> row.getLong(1), doing).orElse(0L);
            updated = target.queryOne(ShadowSql.countChanged(shape, shadow, shape.name()), statement -> { },
                    row -> row.getLong(1), doing).orElse(0L);
        } else {
            long[] difference = target.queryOne(ShadowSql.multisetDifference(shape, shadow, shape.name()),
                    statement -> { }, row -> new long[] {row.getLong(1), row.getLong(2)}, doing).orElseThrow();
            inserted = difference[0];
            deleted = difference[1];
        }
        counters.applied(inserted, updated, deleted);
        return inserted + updated + deleted > 0;
    }

    private static List<TableReport> reports(TableJob job, Instant start, Map<String, TableCounters> counters,
                                             boolean changed) {
        boolean identical = job.mode().writes() || !changed;
        Duration elapsed = Duration.between(start, Instant.now());
        List<TableReport> reports = new ArrayList<>();
        counters.forEach((table, tableCounters) -> reports.add(TableReport.finished(table, StrategyKind.SLICE, job.mode(),
                tableCounters.snapshot(), elapsed, identical, job.mode().writes() ? "rebuilt" : "slice rebuilt aside",
                table.equals(job.plan().name()) ? List.of() : List.of("part of slice " + job.plan().name()))));
        return reports;
    }
}
