package dev.mysqlslice.daemon.checkpoint;

import dev.mysqlslice.daemon.binlog.BinlogPosition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which sync units a checkpoint speaks for, and the older positions of units a run limited to
 * other units (`--table`) left behind: every unit it covers is synced up to the checkpoint's
 * position, except those in {@code behind}, synced up to their own. A checkpoint written before
 * coverage was recorded has no unit list and covers whatever a run asks of it.
 *
 * @param units  the units covered; empty for a checkpoint of an older version
 * @param behind units synced only up to an older position
 */
public record Coverage(Optional<Set<String>> units, Map<String, BinlogPosition> behind) {

    public Coverage {
        units = units.map(Set::copyOf);
        behind = Map.copyOf(behind);
    }

    /** The coverage of a checkpoint of an older version: whatever a run asks for. */
    public static Coverage legacy() {
        return new Coverage(Optional.empty(), Map.of());
    }

    /** Exactly these units, all at the checkpoint's position. */
    public static Coverage of(Collection<String> units) {
        return new Coverage(Optional.of(new LinkedHashSet<>(units)), Map.of());
    }

    public boolean covers(String unit) {
        return units.map(known -> known.contains(unit)).orElse(true);
    }

    /** The position from which every unit of {@code selection} this covers is read again: the oldest of theirs. */
    public BinlogPosition startFor(Collection<String> selection, BinlogPosition position) {
        BinlogPosition start = position;
        for (String unit : selection) {
            BinlogPosition own = behind.get(unit);
            if (own != null && !own.isAtOrAfter(start)) {
                start = own;
            }
        }
        return start;
    }

    /**
     * The coverage after a run over {@code selection} synced it up to a new position: the
     * selection is at that position, every other covered unit keeps the position it had (the old
     * checkpoint position, or its own older one).
     */
    public Coverage after(Collection<String> selection, BinlogPosition oldPosition) {
        Set<String> all = new LinkedHashSet<>(units.orElse(Set.of()));
        all.addAll(selection);
        Map<String, BinlogPosition> left = new LinkedHashMap<>();
        for (String unit : all) {
            if (!selection.contains(unit)) {
                left.put(unit, behind.getOrDefault(unit, oldPosition));
            }
        }
        return new Coverage(Optional.of(all), left);
    }
}
