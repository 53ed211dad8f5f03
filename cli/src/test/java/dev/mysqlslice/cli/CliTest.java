package dev.mysqlslice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.cli.ioc.DaggerCliComponent;
import dev.mysqlslice.cli.ioc.DaggerFactory;
import dev.mysqlslice.config.Secret;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.jdbc.PasswordResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    @Test
    void helpListsCommandsAliasesAndExitCodes() {
        CliRun run = CliRun.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("schema", "sync, pull-slice", "verify", "daemon", "status", "pull-schema",
                "Exit codes:", "3     Cannot connect");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "schema", "pull", "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-flag'");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        assertThat(CliRun.run(Map.of()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run(Map.of(), "schema").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyFailureKindHasItsOwnDocumentedExitCode() {
        assertThat(ExitCodes.of(Failure.CONFIG)).isEqualTo(2);
        assertThat(ExitCodes.of(Failure.CONNECTION)).isEqualTo(3);
        assertThat(ExitCodes.of(Failure.PRIVILEGE)).isEqualTo(3);
        assertThat(ExitCodes.of(Failure.BINLOG)).isEqualTo(4);
        assertThat(ExitCodes.of(Failure.SCHEMA)).isEqualTo(5);
        assertThat(ExitCodes.of(Failure.INTERNAL)).isEqualTo(70);
        assertThat(new ExitCodes().getExitCode(new IllegalStateException())).isEqualTo(70);
        for (Failure failure : Failure.values()) {
            assertThat(ExitCodes.HELP).containsKey(Integer.toString(ExitCodes.of(failure)));
        }
    }

    @Test
    void aliasesOfTheOriginalToolResolveToTheSameCommands() {
        CommandLine commandLine = Cli.create(new DaggerFactory(DaggerCliComponent.factory().create(
                new PasswordResolver(name -> null, prompt -> Secret.empty()))));

        Object sync = commandLine.getSubcommands().get("sync").getCommand();
        Object pullSlice = commandLine.getSubcommands().get("pull-slice").getCommand();
        Object pullSchema = commandLine.getSubcommands().get("pull-schema").getCommand();
        Object pullSchemaUnderscore = commandLine.getSubcommands().get("pull_schema").getCommand();

        assertThat(pullSlice).isSameAs(sync);
        assertThat(pullSchema).isInstanceOf(SchemaPullCommand.class);
        assertThat(pullSchemaUnderscore).isSameAs(pullSchema);
    }

    @Test
    void aCommandLineNamingOneCommandGetsOnlyThatOneAndAnythingElseGetsThemAll() {
        DaggerFactory factory = new DaggerFactory(DaggerCliComponent.factory().create(
                new PasswordResolver(name -> null, prompt -> Secret.empty())));

        assertThat(Cli.forArguments(factory, "verify", "--config", "c.yaml", "-t", "daemon").getSubcommands())
                .containsOnlyKeys("verify");
        assertThat(Cli.forArguments(factory, "pull_slice", "--dry-run").getSubcommands())
                .containsOnlyKeys("sync", "pull-slice", "pull_slice");
        assertThat(Cli.forArguments(factory, "pull-schema").getSubcommands()).containsOnlyKeys("pull-schema", "pull_schema");
        assertThat(Cli.create(factory).getSubcommands()).containsKeys("schema", "sync", "verify", "daemon", "status",
                "pause", "resume", "sandbox", "pull-schema");
        assertThat(Cli.forArguments(factory, "--help").getSubcommands().keySet())
                .isEqualTo(Cli.create(factory).getSubcommands().keySet());
        assertThat(Cli.forArguments(factory, "no-such-command").getSubcommands().keySet())
                .isEqualTo(Cli.create(factory).getSubcommands().keySet());
        assertThat(Cli.forArguments(factory).getSubcommands().keySet()).isEqualTo(Cli.create(factory).getSubcommands().keySet());
    }

    @Test
    void theReadmeListsEveryExitCodeWithTheHelpsMeaning() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        ExitCodes.HELP.forEach((code, meaning) -> assertThat(readme).as("exit code " + code)
                .contains("| " + code + " | " + meaning + " |"));
    }
}
