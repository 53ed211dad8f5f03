package dev.mysqlslice.jdbc;

import static dev.mysqlslice.error.Messages.oneLine;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * The one place that decides what a server error means: whether to retry, whether the binlog is
 * gone, and which one-line message and {@link Failure} a user gets.
 */
public final class SqlErrors {

    public static final int ACCESS_DENIED = 1045;
    public static final int DB_ACCESS_DENIED = 1044;
    public static final int BAD_DB = 1049;
    public static final int HOST_NOT_ALLOWED = 1130;
    public static final int TOO_MANY_CONNECTIONS = 1040;
    public static final int TABLE_ACCESS_DENIED = 1142;
    public static final int COLUMN_ACCESS_DENIED = 1143;
    public static final int SPECIFIC_ACCESS_DENIED = 1227;
    public static final int NO_SUCH_TABLE = 1146;
    public static final int DUPLICATE_KEY = 1062;
    public static final int LOCK_WAIT_TIMEOUT = 1205;
    public static final int DEADLOCK = 1213;
    public static final int BINLOG_READ_FATAL = 1236;
    public static final int LOST_CONNECTION = 2013;
    public static final int SERVER_GONE = 2006;
    public static final int QUERY_INTERRUPTED = 1317;
    /** MariaDB's ER_STATEMENT_TIMEOUT: max_statement_time stopped the statement. */
    public static final int STATEMENT_TIMEOUT = 1969;
    /** MySQL's ER_QUERY_TIMEOUT: the MAX_EXECUTION_TIME hint (or max_execution_time) stopped the SELECT. */
    public static final int QUERY_TIMEOUT = 3024;
    /** MariaDB (innodb_force_primary_key) and old MySQL: "This table type requires a primary key". */
    public static final int REQUIRES_PRIMARY_KEY = 1173;
    /** MySQL 8.0.13+ sql_require_primary_key (ER_TABLE_WITHOUT_PK). */
    public static final int MYSQL_REQUIRES_PRIMARY_KEY = 3750;

    private static final Set<Integer> PRIVILEGE_CODES = Set.of(DB_ACCESS_DENIED, TABLE_ACCESS_DENIED,
            COLUMN_ACCESS_DENIED, SPECIFIC_ACCESS_DENIED, 1370);

    private SqlErrors() {
    }

    /** What an error the source sends on the binlog stream means. */
    public enum BinlogVerdict {
        /** The position cannot be read (purged, beyond the end, an unknown GTID): start over with a full sync. */
        POSITION_LOST,
        /** Another replica connected with the same server id (MySQL 1236, MariaDB 4052): a config problem. */
        SERVER_ID_TAKEN,
        /** The account may not stream the binlog, or another refusal retrying cannot fix. */
        REFUSED
    }

    /** MariaDB's ER_SLAVE_SAME_ID: another replica connected with this server id. */
    public static final int SAME_SERVER_ID = 4052;

    /** The meaning of error {@code code} with {@code message} on the binlog stream. */
    public static BinlogVerdict binlogStream(int code, String message) {
        String text = message == null ? "" : message;
        if (code == SAME_SERVER_ID || text.contains("same server_uuid/server_id")) {
            return BinlogVerdict.SERVER_ID_TAKEN;
        }
        return code == BINLOG_READ_FATAL ? BinlogVerdict.POSITION_LOST : BinlogVerdict.REFUSED;
    }

    /** Whether {@code e} (or a batch's next exception) is a duplicate-key error. */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return e.getNextException() != null && e.getNextException().getErrorCode() == DUPLICATE_KEY;
    }

    /** Whether the server stopped the statement at its time limit ({@link dev.mysqlslice.dialect.Dialect#limited}). */
    public static boolean isTimeLimit(SQLException e) {
        return e.getErrorCode() == STATEMENT_TIMEOUT || e.getErrorCode() == QUERY_TIMEOUT;
    }

    /** Whether the connection itself failed (SQLState class 08), as opposed to a statement. */
    public static boolean isCommunicationFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** The error while connecting to {@code endpoint}, as a one-line user-facing exception. */
    public static MysqlsliceException onConnect(SQLException e, Endpoint endpoint) {
        String who = endpoint.describe();
        String section = endpoint.role().section();
        Optional<MysqlsliceException> tls = tlsFailure(e, endpoint);
        if (tls.isPresent()) {
            return tls.get();
        }
        return switch (e.getErrorCode()) {
            case ACCESS_DENIED -> new MysqlsliceException(Failure.CONNECTION, "cannot log in to " + who
                    + ": access denied; check the password (" + section + ".password, " + section
                    + ".password-env or the password flag) and that the account exists for this client host"
                    + (endpoint.config().usesSocket() || endpoint.config().tls().cert().isPresent() ? ""
                    : " (an account created REQUIRE X509, SUBJECT or ISSUER also needs " + section + ".ssl-cert and "
                    + section + ".ssl-key)"), e);
            case HOST_NOT_ALLOWED -> new MysqlsliceException(Failure.CONNECTION, "cannot log in to " + who
                    + ": the server does not accept this account from this host; create the account for this client's address", e);
            case DB_ACCESS_DENIED -> new MysqlsliceException(Failure.PRIVILEGE, who + " has no access to database '"
                    + endpoint.database() + "'; grant it, e.g. GRANT SELECT ON `" + endpoint.database() + "`.* TO '"
                    + endpoint.user() + "'@'<client host>'", e);
            case BAD_DB -> new MysqlsliceException(Failure.CONFIG, section + ".database: database '"
                    + endpoint.database() + "' does not exist on " + endpoint.config().address()
                    + "; create it or fix the name", e);
            case TOO_MANY_CONNECTIONS -> new MysqlsliceException(Failure.CONNECTION, "cannot connect to " + who
                    + ": the server has too many connections; retry later or raise max_connections", e);
            default -> publicKeyRetrievalRefused(e) ? new MysqlsliceException(Failure.CONNECTION, "cannot log in to "
                    + who + ": the account uses caching_sha2_password (MySQL 8's default), whose password is sent only"
                    + " over TLS or encrypted with the server's RSA key; use TLS (" + section + ".ssl-mode: REQUIRED or"
                    + " stricter), or set " + section + ".allow-public-key-retrieval: true to let the driver fetch the"
                    + " key (on a network you trust)", e)
                    : isCommunicationFailure(e) || e.getErrorCode() == 0
                    ? new MysqlsliceException(Failure.CONNECTION, "cannot reach " + endpoint.config().role().section()
                            + " at " + endpoint.config().address() + ": " + rootCause(e) + "; check " + section
                            + (endpoint.config().usesSocket() ? ".socket" : ".host and " + section + ".port")
                            + " and that the server is running", e)
                    : duringStatement(e, endpoint, "connecting");
        };
    }

    /**
     * A failure of TLS while connecting to {@code endpoint} (by JDBC or the binlog client), as the
     * one-line exception that names the setting to fix; empty when {@code e} is not about TLS.
     */
    public static Optional<MysqlsliceException> tlsFailure(Throwable e, Endpoint endpoint) {
        EndpointConfig config = endpoint.config();
        String section = config.role().section();
        String server = "the " + section + " at " + config.address();
        String host = config.host().orElse("localhost");
        String ca = config.tls().ca().map(file -> "the CA in " + section + ".ssl-ca (" + file + ")")
                .orElse("a CA this Java runtime trusts (no " + section + ".ssl-ca is set)");
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            // Connector/J 9 ("SSL Connection required, but not provided by server."; 8.0: "not supported") and
            // the binlog client ("MySQL server does not support SSL").
            if (message.contains("SSL Connection required, but not") || message.contains("server does not support SSL")) {
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, server + " does not offer TLS, but "
                        + section + ".ssl-mode is " + config.sslMode() + ": enable TLS on that server (ssl_cert and"
                        + " ssl_key), or lower " + section + ".ssl-mode if an unencrypted connection is acceptable", e));
            }
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, "the " + section + "'s certificate is"
                        + " outside its validity period (" + oneLine(message) + "); renew the server's certificate,"
                        + " or check this machine's clock", e));
            }
            if (cause instanceof CertificateException && (message.startsWith("No subject alternative")
                    || message.startsWith("No name matching"))) {
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, "the " + section + "'s certificate"
                        + " does not name '" + host + "' (" + oneLine(message) + "); " + section + ".ssl-mode"
                        + " VERIFY_IDENTITY checks the host name: set " + section + ".host to a name the certificate"
                        + " lists, or use VERIFY_CA to check the CA only", e));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                    || message.startsWith("PKIX path")) {
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, "the " + section + "'s certificate is"
                        + " not signed by " + ca + ": set " + section + ".ssl-ca to the PEM file (or bundle) of the CA"
                        + " that issued the server's certificate (for RDS and Aurora, the region's bundle from AWS)", e));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !(cause instanceof SSLException) && inTlsHandshake(cause)) {
                // TLS 1.3: the server checks a client certificate after the client's part of the handshake, and
                // hangs up on one it does not trust.
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, server + " closed the connection during"
                        + " the TLS handshake (" + oneLine(cause.getMessage()) + "): " + config.tls().cert()
                        .map(file -> "it does not accept the client certificate in " + section + ".ssl-cert (" + file
                                + "); use one issued by a CA in the server's ssl_ca")
                        .orElse("check " + section + ".ssl-mode, " + section + ".cipher and the server's TLS settings"), e));
            }
            if (cause instanceof SSLException) {
                String message = oneLine(cause.getMessage());
                boolean certificate = message.contains("certificate_required") || message.contains("bad_certificate")
                        || message.contains("unknown_ca") || message.contains("access_denied");
                String hint = certificate && config.tls().cert().isPresent()
                        ? "it does not accept the client certificate in " + section + ".ssl-cert ("
                        + config.tls().cert().get() + "); use one issued by a CA in the server's ssl_ca"
                        : certificate ? "the server wants a client certificate it trusts: set " + section + ".ssl-cert and "
                        + section + ".ssl-key to one issued by the server's ssl_ca"
                        : message.contains("protocol") ? "the server offers no TLS 1.2 or 1.3"
                        : message.contains("cipher") ? "no cipher suite in common; check " + section + ".cipher"
                        : "check " + section + ".ssl-mode and the server's TLS settings";
                return Optional.of(new MysqlsliceException(Failure.CONNECTION, "the TLS handshake with " + server
                        + " failed (" + message + "): " + hint, e));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} was thrown by the JDK's TLS implementation (a network error mid-handshake). */
    private static boolean inTlsHandshake(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("sun.security.ssl.")) {
                return true;
            }
        }
        return false;
    }

    /** An error while running a statement on {@code endpoint}, as a one-line user-facing exception. */
    public static MysqlsliceException duringStatement(SQLException e, Endpoint endpoint, String doing) {
        String who = endpoint.describe();
        if (PRIVILEGE_CODES.contains(e.getErrorCode())) {
            return new MysqlsliceException(Failure.PRIVILEGE, who + " lacks a privilege while " + doing + ": "
                    + oneLine(e.getMessage()) + "; grant it to '" + endpoint.user() + "'", e);
        }
        if (e.getErrorCode() == NO_SUCH_TABLE) {
            return new MysqlsliceException(Failure.SCHEMA, endpoint.role().section() + " while " + doing + ": "
                    + oneLine(e.getMessage()) + "; run `mysqlslice schema pull` or fix the table list", e);
        }
        if (isCommunicationFailure(e)) {
            return new MysqlsliceException(Failure.CONNECTION, "lost the connection to " + who + " while " + doing
                    + ": " + rootCause(e) + "; re-run once the server is reachable", e);
        }
        if (e.getErrorCode() == BINLOG_READ_FATAL) {
            return new MysqlsliceException(Failure.BINLOG, endpoint.role().section() + " binlog cannot be read: "
                    + oneLine(e.getMessage()), e);
        }
        if (e.getErrorCode() == REQUIRES_PRIMARY_KEY || e.getErrorCode() == MYSQL_REQUIRES_PRIMARY_KEY) {
            return new MysqlsliceException(Failure.SCHEMA, "the " + endpoint.role().section() + " refuses a table"
                    + " without a primary key while " + doing + " (" + oneLine(e.getMessage()) + "; MySQL's"
                    + " sql_require_primary_key or MariaDB's innodb_force_primary_key): give the source table a primary"
                    + " key, or turn that setting off for the target", e);
        }
        if (isTimeLimit(e)) {
            return new MysqlsliceException(Failure.TIME_LIMIT, endpoint.role().section() + " stopped a statement at"
                    + " its time limit while " + doing + " (" + oneLine(e.getMessage()) + ")", e);
        }
        if (e.getErrorCode() == LOCK_WAIT_TIMEOUT || e.getErrorCode() == DEADLOCK) {
            return new MysqlsliceException(Failure.LOCKED, endpoint.role().section() + " while " + doing + ": "
                    + oneLine(e.getMessage()) + " (another session holds the rows); it is tried again", e);
        }
        if (e.getErrorCode() == DUPLICATE_KEY && endpoint.role() == Role.TARGET) {
            return new MysqlsliceException(Failure.ANOTHER_WRITER, "the target already holds a row with that key or"
                    + " unique value while " + doing + " (" + oneLine(e.getMessage()) + "): another session writes"
                    + " this target table; mysqlslice must be its only writer (another daemon, or an application?)."
                    + " Stop the other writer, then run `mysqlslice sync` to repair", e);
        }
        return new MysqlsliceException(Failure.INTERNAL, endpoint.role().section() + " error " + e.getErrorCode()
                + " while " + doing + ": " + oneLine(e.getMessage()), e);
    }

    /** Connector/J's refusal to fetch the server's RSA key for caching_sha2_password ("Public Key Retrieval is not allowed"). */
    static boolean publicKeyRetrievalRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Public Key Retrieval is not allowed")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, which for network failures says what happened ("Connection refused"). */
    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
            return oneLine(cause.getMessage());
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return oneLine(message);
    }

}
