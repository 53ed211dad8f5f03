package dev.mysqlslice.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the tests of a daemon started as a process ask of its monitor: a free port, /health, a page. */
final class MonitorClient {

    private MonitorClient() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The status code of /health, or -1 while nothing answers. */
    static int health(int port) {
        try {
            return HttpClient.newHttpClient().send(request(port, "/health"), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }
}
