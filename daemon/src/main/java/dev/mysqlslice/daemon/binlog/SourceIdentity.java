package dev.mysqlslice.daemon.binlog;

import java.util.Optional;

/** Which server wrote a binlog: its server_id and, on MySQL, its server_uuid. */
public record SourceIdentity(long serverId, Optional<String> serverUuid) {

    @Override
    public String toString() {
        return "server_id " + serverId + serverUuid.map(uuid -> " (uuid " + uuid + ")").orElse("");
    }
}
