package dev.mysqlslice.hash;

import dev.mysqlslice.jdbc.Session;
import java.util.Optional;

/** One server in a comparison: its session and the row filter applied there (a slice root filters the source only). */
public record Side(Session session, Optional<String> filter) {
}
