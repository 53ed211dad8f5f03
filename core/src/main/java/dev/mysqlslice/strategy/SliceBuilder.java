package dev.mysqlslice.strategy;

import dev.mysqlslice.config.Reference;
import dev.mysqlslice.jdbc.KeyCodec;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import dev.mysqlslice.model.KeyType;
import dev.mysqlslice.model.TableCounters;
import dev.mysqlslice.model.TablePlan;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.sql.CopySql;
import dev.mysqlslice.sql.KeySql;
import dev.mysqlslice.sql.ShadowSql;
import dev.mysqlslice.sql.SqlFragment;
import dev.mysqlslice.throttle.Pace;
import dev.mysqlslice.transfer.BulkWriter;
import dev.mysqlslice.transfer.RowCopier;
import dev.mysqlslice.transfer.RowCursor;
import dev.mysqlslice.transfer.WriteMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.inject.Inject;

/**
 * Loads a slice into shadow tables on the target: the root's filtered rows, then the rows its
 * references point at (followed until nothing new turns up, so chains and cycles work), then the
 * child rows that point into the slice. Referenced values are read from the shadows on the
 * target {@value #VALUES_PER_BATCH} at a time, so memory and SQL size stay bounded however many
 * rows the slice holds.
 */
public final class SliceBuilder {

    static final int VALUES_PER_BATCH = 1000;

    private final RowCopier copier;
    private final BulkWriter writer;

    @Inject
    public SliceBuilder(RowCopier copier, BulkWriter writer) {
        this.copier = copier;
        this.writer = writer;
    }

    /** Everything a build needs. */
    public record Build(TablePlan plan, Session source, Session target, Map<String, String> shadows,
                        WriteMethod writes, Pace pages, TableCounters counters, Executor executor,
                        ProgressListener progress) {

        TableShape member(String table) {
            return plan.member(table).orElseThrow();
        }

        String shadow(String table) {
            return shadows.get(table);
        }
    }

    public void build(Build build) {
        TableShape root = build.plan().shape();
        loadRoot(build, root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Reference reference : build.plan().config().follow()) {
                grew |= follow(build, reference) > 0;
            }
        }
        for (Reference reference : build.plan().config().children()) {
            pullChildren(build, reference);
        }
    }

    private void loadRoot(Build build, TableShape root) {
        Optional<String> filter = build.plan().config().where();
        if (root.hasKey()) {
            copier.copy(new RowCopier.Job(build.source(), filter, build.target(), root, build.shadow(root.name()),
                    KeyRange.ALL, build.pages(), build.writes(), build.counters(), build.executor(),
                    rows -> build.progress().update(root.name(), "rebuilding", rows, -1, "rows")));
        } else {
            SqlFragment where = SqlFragment.filter(filter);
            copyWhere(build, root, where);
        }
    }

    /** Fetches the rows of {@code reference.toTable} that the slice refers to but does not hold yet. */
    private long follow(Build build, Reference reference) {
        TableShape from = build.member(reference.fromTable());
        TableShape to = build.member(reference.toTable());
        Column column = from.column(reference.fromColumn()).orElseThrow();
        Column toColumn = to.column(reference.toColumn()).orElseThrow();
        long added = 0;
        Optional<Object> after = Optional.empty();
        while (true) {
            String sql = ShadowSql.missingReferences(build.shadow(from.name()), column.name(), build.shadow(to.name()),
                    toColumn.name(), after.isEmpty(), VALUES_PER_BATCH);
            List<Object> values = values(build.target(), sql, after, column, "following " + reference);
            if (values.isEmpty()) {
                return added;
            }
            added += copyWhere(build, to, in(toColumn, values));
            after = Optional.of(values.get(values.size() - 1));
        }
    }

    /** Fetches the rows of {@code reference.fromTable} that point at rows of the slice. */
    private void pullChildren(Build build, Reference reference) {
        TableShape child = build.member(reference.fromTable());
        TableShape parent = build.member(reference.toTable());
        Column parentColumn = parent.column(reference.toColumn()).orElseThrow();
        Column childColumn = child.column(reference.fromColumn()).orElseThrow();
        Optional<Object> after = Optional.empty();
        while (true) {
            String sql = ShadowSql.distinctValues(build.shadow(parent.name()), parentColumn.name(), after.isEmpty(),
                    VALUES_PER_BATCH);
            List<Object> values = values(build.target(), sql, after, parentColumn, "collecting keys of " + parent.name());
            if (values.isEmpty()) {
                return;
            }
            copyWhere(build, child, in(childColumn, values));
            after = Optional.of(values.get(values.size() - 1));
        }
    }

    private long copyWhere(Build build, TableShape shape, SqlFragment where) {
        SqlFragment select = CopySql.select(shape, where, 0);
        List<KeyType> keyTypes = KeyCodec.types(shape.keys());
        long[] copied = {0};
        build.source().stream(select.sql(), statement -> select.bind(statement, 1), rows -> {
            RowCursor cursor = new RowCursor(rows, shape.storedColumns().size(), keyTypes);
            copied[0] = writer.write(build.target(), shape, build.shadow(shape.name()), cursor, build.writes(),
                    build.source().endpoint()).rows();
            build.counters().rowsRead(cursor.count(), cursor.bytes());
        }, "reading rows of " + shape.name() + " for the slice");
        return copied[0];
    }

    private static List<Object> values(Session target, String sql, Optional<Object> after, Column column, String doing) {
        KeyType type = KeyType.of(column);
        return target.query(sql, statement -> {
            if (after.isPresent()) {
                KeyCodec.bind(statement, 1, after.get());
            }
        }, row -> KeyCodec.decode(row.getBytes(1), type), doing);
    }

    private static SqlFragment in(Column column, List<Object> values) {
        return KeySql.in(List.of(column), values.stream().map(Key::of).toList());
    }
}
