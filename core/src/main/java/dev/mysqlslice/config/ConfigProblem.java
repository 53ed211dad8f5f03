package dev.mysqlslice.config;

/** One mistake in the config: where ({@code tables.bar.chunk-rows}) and what is wrong and allowed. */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
