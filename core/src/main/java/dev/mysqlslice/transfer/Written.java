package dev.mysqlslice.transfer;

/**
 * What a write into the target did.
 *
 * @param rows      source rows written
 * @param displaced other target rows a written row took the place of (they held its key or one of
 *                  its unique values, so they were wrong and must be compared again)
 */
public record Written(long rows, long displaced) {

    public static final Written NONE = new Written(0, 0);

    public Written plus(Written other) {
        return new Written(rows + other.rows, displaced + other.displaced);
    }
}
