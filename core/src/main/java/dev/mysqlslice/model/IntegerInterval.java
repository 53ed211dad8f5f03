package dev.mysqlslice.model;

import java.math.BigInteger;
import java.util.Objects;

/** The integer keys {@code first} to {@code last}, both included. */
public record IntegerInterval(BigInteger first, BigInteger last) {

    public IntegerInterval {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("interval " + first + ".." + last + " is empty");
        }
    }
}
