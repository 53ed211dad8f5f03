package dev.mysqlslice.strategy;

import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.transfer.WriteMethod;
import java.util.concurrent.Executor;

/** What a strategy needs from its surroundings: sessions on both servers, a thread pool, and target capabilities. */
public interface Servers {

    /** A new read-only session on the source; the caller closes it. */
    Session openSource();

    /** A new session on the target; the caller closes it. */
    Session openTarget();

    /** Runs the source and target halves of a comparison at the same time. */
    Executor executor();

    /** How these servers are reached and paced. */
    ServerSettings settings();

    /** Whether the target accepts LOAD DATA LOCAL INFILE (else bulk copies use batched INSERTs). */
    default WriteMethod writeMethod() {
        return settings().writeMethod();
    }

    /** The most rows written to the target in one transaction. */
    default int transactionRows() {
        return settings().transactionRows();
    }

    /** How long one source scan or copy page should take (its rows adapt; its time limit follows). */
    default ChunkTime chunkTime() {
        return settings().chunkTime();
    }
}
