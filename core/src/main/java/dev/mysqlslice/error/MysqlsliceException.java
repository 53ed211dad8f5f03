package dev.mysqlslice.error;

/**
 * The root of every error mysqlslice reports on purpose. Its message is one line meant for the
 * user: it names the setting at fault and the fix, and never contains a secret.
 */
public class MysqlsliceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;

    public MysqlsliceException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public MysqlsliceException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
