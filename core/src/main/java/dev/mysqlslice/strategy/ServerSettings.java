package dev.mysqlslice.strategy;

import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Endpoint;
import dev.mysqlslice.jdbc.StatementGate;
import dev.mysqlslice.config.ChunkTime;
import dev.mysqlslice.transfer.WriteMethod;

/**
 * What every {@link Servers} is made of: how to reach both servers, what the target accepts, and
 * how the source is paced.
 *
 * @param writeMethod     how rows are written to the target (LOAD DATA when it accepts it)
 * @param transactionRows   the most rows written to the target in one transaction
 * @param sourceGate        asked before each source statement (the throttle)
 * @param chunkTime         how long one source scan or copy page should take
 */
public record ServerSettings(Connector connector, Endpoint source, Endpoint target, WriteMethod writeMethod,
                             int transactionRows, StatementGate sourceGate, ChunkTime chunkTime) {
}
