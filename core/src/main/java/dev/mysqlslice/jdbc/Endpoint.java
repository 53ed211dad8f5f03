package dev.mysqlslice.jdbc;

import dev.mysqlslice.config.EndpointConfig;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.config.Secret;

/** A server ready to connect to: its config plus the resolved password. Safe to log. */
public record Endpoint(EndpointConfig config, Secret password) {

    public Role role() {
        return config.role();
    }

    public String database() {
        return config.database();
    }

    public String user() {
        return config.user();
    }

    /** "source 10.0.0.5:3306 as 'sync'", for messages. */
    public String describe() {
        return config.role().section() + " " + config.address() + " as '" + config.user() + "'";
    }

    @Override
    public String toString() {
        return "Endpoint[" + describe() + ", database=" + config.database() + "]";
    }
}
