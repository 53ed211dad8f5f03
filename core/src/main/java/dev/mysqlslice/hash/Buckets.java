package dev.mysqlslice.hash;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One side's non-empty buckets of {@code step} integer keys numbered from the key {@code first},
 * in number order, held as six longs a bucket in one array (number, rows, two hashes, smallest and
 * largest key): about 48 bytes a bucket where a map of numbers to records of BigIntegers took
 * about 300, and {@link Pairs} walks both sides without an object per bucket. A number and a key
 * are kept as unsigned offsets from {@code first}: every key of a bucket query is at least
 * {@code first}, and keys are integers of at most 64 bits, so the offset fits 64 bits whatever the
 * key's sign (and wrapping arithmetic on the keys' bits computes it).
 */
public final class Buckets {

    private static final int STRIDE = 6;
    private static final int NUMBER = 0;
    private static final int ROWS = 1;
    private static final int HASH1 = 2;
    private static final int HASH2 = 3;
    private static final int LOWEST = 4;
    private static final int HIGHEST = 5;

    private final BigInteger first;
    private final BigInteger step;
    private final long[] data;
    private final int size;

    private Buckets(BigInteger first, BigInteger step, long[] data, int size) {
        this.first = first;
        this.step = step;
        this.data = data;
        this.size = size;
    }

    /** Buckets of {@code step} keys numbered from the key {@code first}, added one by one. */
    public static Builder from(BigInteger first, BigInteger step) {
        return new Builder(first, step);
    }

    /** How many non-empty buckets there are. */
    public int size() {
        return size;
    }

    /** The rows of every bucket together. */
    public long rows() {
        long rows = 0;
        for (int i = 0; i < size; i++) {
            rows += data[i * STRIDE + ROWS];
        }
        return rows;
    }

    /** The bucket numbered {@code number}, if it holds rows. */
    public Optional<Bucket> bucket(long number) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int at = middle * STRIDE;
            int order = Long.compareUnsigned(data[at + NUMBER], number);
            if (order == 0) {
                return Optional.of(new Bucket(new RangeHash(data[at + ROWS], data[at + HASH1], data[at + HASH2]),
                        key(data[at + LOWEST]), key(data[at + HIGHEST])));
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /** These buckets without the ones numbered {@code numbers}. */
    public Buckets without(Set<Long> numbers) {
        if (numbers.isEmpty()) {
            return this;
        }
        Builder kept = new Builder(first, step);
        for (int i = 0; i < size; i++) {
            if (!numbers.contains(data[i * STRIDE + NUMBER])) {
                kept.append(data, i * STRIDE);
            }
        }
        return kept.build();
    }

    private BigInteger key(long offset) {
        return first.add(unsigned(offset));
    }

    private static BigInteger unsigned(long value) {
        BigInteger big = BigInteger.valueOf(value);
        return value >= 0 ? big : big.add(BigInteger.ONE.shiftLeft(Long.SIZE));
    }

    /** Both sides' buckets of one region (numbered alike) by number, in order: the walk a comparison makes. */
    public static Pairs pairs(Buckets source, Buckets target) {
        if (!source.first.equals(target.first) || !source.step.equals(target.step)) {
            throw new IllegalArgumentException("buckets numbered from " + source.first + " by " + source.step
                    + " paired with buckets numbered from " + target.first + " by " + target.step);
        }
        return new Pairs(source, target);
    }

    /**
     * A cursor over the bucket numbers either side has, in order: {@link #next()} moves to the next
     * one; the other methods describe the current one.
     */
    public static final class Pairs {
        private final Buckets source;
        private final Buckets target;
        private int s;
        private int t;
        private boolean inSource;
        private boolean inTarget;

        private Pairs(Buckets source, Buckets target) {
            this.source = source;
            this.target = target;
        }

        /** Moves to the next bucket either side has; false when there is none. */
        public boolean next() {
            if (inSource) {
                s++;
            }
            if (inTarget) {
                t++;
            }
            boolean more = s < source.size;
            boolean moreTarget = t < target.size;
            if (more && moreTarget) {
                int order = Long.compareUnsigned(source.data[s * STRIDE + NUMBER], target.data[t * STRIDE + NUMBER]);
                inSource = order <= 0;
                inTarget = order >= 0;
            } else {
                inSource = more;
                inTarget = moreTarget;
            }
            return inSource || inTarget;
        }

        /** Whether both sides have the bucket with the same rows. */
        public boolean same() {
            if (!inSource || !inTarget) {
                return false;
            }
            int a = s * STRIDE;
            int b = t * STRIDE;
            return source.data[a + ROWS] == target.data[b + ROWS] && source.data[a + HASH1] == target.data[b + HASH1]
                    && source.data[a + HASH2] == target.data[b + HASH2];
        }

        /** The bucket's rows on both sides together. */
        public long rows() {
            return sourceRows() + targetRows();
        }

        /** The bucket's rows on the side that has more of them. */
        public long maxRows() {
            return Math.max(sourceRows(), targetRows());
        }

        /** The smallest key either side has in the bucket. */
        public BigInteger lowest() {
            long offset = !inTarget ? at(source, s, LOWEST) : !inSource ? at(target, t, LOWEST)
                    : unsignedMin(at(source, s, LOWEST), at(target, t, LOWEST));
            return source.key(offset);
        }

        /** The largest key either side has in the bucket. */
        public BigInteger highest() {
            long offset = !inTarget ? at(source, s, HIGHEST) : !inSource ? at(target, t, HIGHEST)
                    : unsignedMax(at(source, s, HIGHEST), at(target, t, HIGHEST));
            return source.key(offset);
        }

        private long sourceRows() {
            return inSource ? at(source, s, ROWS) : 0;
        }

        private long targetRows() {
            return inTarget ? at(target, t, ROWS) : 0;
        }

        private static long at(Buckets buckets, int index, int field) {
            return buckets.data[index * STRIDE + field];
        }
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static long unsignedMax(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /**
     * Collects buckets in any order; a number added twice (a bucket read in two parts) becomes
     * one bucket of the rows of both.
     */
    public static final class Builder {
        private final BigInteger first;
        private final BigInteger step;
        private long[] data = new long[STRIDE * 16];
        private int size;
        /** Whether every number so far was larger than the one before it (bucket queries' usual order). */
        private boolean ascending = true;

        private Builder(BigInteger first, BigInteger step) {
            this.first = first;
            this.step = step;
        }

        /**
         * A bucket: its number, rows and hashes, and its smallest and largest key as offsets from
         * the first key (unsigned).
         */
        public Builder add(long number, long rows, long hash1, long hash2, long lowest, long highest) {
            if (size > 0 && Long.compareUnsigned(number, data[(size - 1) * STRIDE + NUMBER]) <= 0) {
                ascending = false;
            }
            if ((size + 1) * STRIDE > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            int at = size * STRIDE;
            data[at + NUMBER] = number;
            data[at + ROWS] = rows;
            data[at + HASH1] = hash1;
            data[at + HASH2] = hash2;
            data[at + LOWEST] = lowest;
            data[at + HIGHEST] = highest;
            size++;
            return this;
        }

        /**
         * Every bucket of {@code other}: the same width, numbered from a first key a whole number of
         * buckets from this one's (a later window of one scan).
         */
        public Builder addAll(Buckets other) {
            BigInteger[] shift = other.first.subtract(first).divideAndRemainder(step);
            if (!other.step.equals(step) || shift[1].signum() != 0) {
                throw new IllegalArgumentException("buckets numbered from " + other.first + " by " + other.step
                        + " added to buckets numbered from " + first + " by " + step);
            }
            long numbers = shift[0].longValue();
            long keys = other.first.subtract(first).longValue();
            for (int i = 0; i < other.size; i++) {
                int at = i * STRIDE;
                add(other.data[at + NUMBER] + numbers, other.data[at + ROWS], other.data[at + HASH1],
                        other.data[at + HASH2], other.data[at + LOWEST] + keys, other.data[at + HIGHEST] + keys);
            }
            return this;
        }

        private void append(long[] from, int at) {
            add(from[at + NUMBER], from[at + ROWS], from[at + HASH1], from[at + HASH2], from[at + LOWEST], from[at + HIGHEST]);
        }

        public Buckets build() {
            long[] ordered = ascending ? data : sorted();
            int kept = ascending ? size : merge(ordered);
            long[] exact = ordered.length == kept * STRIDE ? ordered : Arrays.copyOf(ordered, kept * STRIDE);
            return new Buckets(first, step, exact, kept);
        }

        private long[] sorted() {
            long[] sorted = new long[size * STRIDE];
            int[] order = IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparing(i -> data[i * STRIDE + NUMBER], Long::compareUnsigned))
                    .mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, order[i] * STRIDE, sorted, i * STRIDE, STRIDE);
            }
            return sorted;
        }

        /** Folds runs of one number into one bucket in place; how many buckets remain. */
        private int merge(long[] sorted) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                int at = i * STRIDE;
                int last = (kept - 1) * STRIDE;
                if (kept > 0 && sorted[last + NUMBER] == sorted[at + NUMBER]) {
                    sorted[last + ROWS] += sorted[at + ROWS];
                    sorted[last + HASH1] ^= sorted[at + HASH1];
                    sorted[last + HASH2] ^= sorted[at + HASH2];
                    sorted[last + LOWEST] = unsignedMin(sorted[last + LOWEST], sorted[at + LOWEST]);
                    sorted[last + HIGHEST] = unsignedMax(sorted[last + HIGHEST], sorted[at + HIGHEST]);
                } else {
                    System.arraycopy(sorted, at, sorted, kept * STRIDE, STRIDE);
                    kept++;
                }
            }
            return kept;
        }
    }
}
