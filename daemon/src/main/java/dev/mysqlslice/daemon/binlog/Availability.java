package dev.mysqlslice.daemon.binlog;

/** Whether a stored position can still be read from the source, and if not, why. */
public record Availability(boolean available, String reason) {

    public static final Availability YES = new Availability(true, "");

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
