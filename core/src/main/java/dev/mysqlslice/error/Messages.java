package dev.mysqlslice.error;

/** Other programs' messages (servers, drivers, libraries) made fit for a one-line error. */
public final class Messages {

    /** The longest message kept; the rest is cut off with "...". */
    static final int MAX_LENGTH = 300;

    private Messages() {
    }

    /** The first line of {@code message}, stripped and at most {@value #MAX_LENGTH} characters; "" for null. */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.strip().split("\\R", 2)[0];
        return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) + "..." : first;
    }
}
