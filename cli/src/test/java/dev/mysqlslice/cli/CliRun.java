package dev.mysqlslice.cli;

import dev.mysqlslice.cli.ioc.DaggerCliComponent;
import dev.mysqlslice.cli.ioc.DaggerFactory;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.jdbc.PasswordResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process with the real Dagger graph, a given environment, and captured output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> environment, String... args) {
        PasswordResolver passwords = new PasswordResolver(environment::get, prompt -> Secret.of("prompted"));
        CommandLine commandLine = Cli.create(new DaggerFactory(DaggerCliComponent.factory().create(passwords)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Writes a config file into {@code dir} and returns its path. */
    public static Path config(Path dir, String yaml) {
        try {
            Path file = dir.resolve("mysqlslice.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
