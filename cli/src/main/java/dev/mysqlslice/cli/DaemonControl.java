package dev.mysqlslice.cli;

import dev.mysqlslice.config.Config;
import dev.mysqlslice.config.ConfigLoader;
import dev.mysqlslice.config.EndpointOverrides;
import dev.mysqlslice.error.Failure;
import dev.mysqlslice.error.MysqlsliceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Asks a running daemon, through its metrics port on this machine, to pause or resume its work on
 * the source: what {@code mysqlslice pause} and {@code mysqlslice resume} share.
 */
abstract class DaemonControl implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", description = "The config whose"
            + " daemon.metrics-port to use (default ./mysqlslice.yaml).")
    Path config;

    @picocli.CommandLine.Option(names = "--metrics-port", paramLabel = "PORT",
            description = "The daemon's metrics port (instead of the config's).")
    Integer port;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final String action;
    private final String done;

    DaemonControl(String action, String done) {
        this.action = action;
        this.done = done;
    }

    @Override
    public Integer call() {
        int daemonPort = port(Optional.ofNullable(config), port);
        post(daemonPort, action);
        spec.commandLine().getOut().println(done + " the daemon on 127.0.0.1:" + daemonPort);
        return ExitCodes.OK;
    }

    /** The daemon's metrics port from {@code --metrics-port} or the config's {@code daemon.metrics-port}. */
    static int port(Optional<Path> configFile, Integer flag) {
        if (flag != null) {
            return flag;
        }
        Optional<Path> file = configFile.or(() -> Files.exists(Path.of("mysqlslice.yaml"))
                ? Optional.of(Path.of("mysqlslice.yaml")) : Optional.empty());
        Config config = new ConfigLoader().load(file, EndpointOverrides.none(), EndpointOverrides.none(),
                EndpointOverrides.none(), EndpointOverrides.none());
        int port = config.daemon().metricsPort();
        if (port == 0) {
            throw new MysqlsliceException(Failure.CONFIG, "daemon.metrics-port is 0 in " + config.origin()
                    + ", so the daemon serves no control port; set daemon.metrics-port (and restart the daemon) or pass"
                    + " --metrics-port");
        }
        return port;
    }

    /** POSTs {@code /action} to the daemon on 127.0.0.1:{@code port}. */
    static void post(int port, String action) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MysqlsliceException(Failure.CONNECTION, "the daemon on 127.0.0.1:" + port + " answered "
                        + response.statusCode() + " to POST /" + action);
            }
        } catch (IOException e) {
            throw new MysqlsliceException(Failure.CONNECTION, "no daemon answers on 127.0.0.1:" + port + " ("
                    + e.getClass().getSimpleName() + "); is it running with daemon.metrics-port " + port + "?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysqlsliceException(Failure.INTERRUPTED, "interrupted", e);
        }
    }
}
