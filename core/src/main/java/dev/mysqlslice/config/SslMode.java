package dev.mysqlslice.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** TLS requirement for a TCP connection, named as the mysql client's {@code --ssl-mode}. */
public enum SslMode {
    DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY;

    /** Parses a config or flag value such as "required" or "VERIFY_CA". */
    public static Optional<SslMode> parse(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(mode -> mode.name().equals(normalised)).findFirst();
    }

    /** The allowed values, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(SslMode::name).collect(Collectors.joining(", "));
    }
}
