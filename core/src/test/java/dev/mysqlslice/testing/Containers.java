package dev.mysqlslice.testing;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.mysql.MySQLContainer;

/** MySQL 8 source and target in containers, used where a Docker engine exists. */
final class Containers {

    static final String IMAGE = "mysql:8.4";
    static final String PASSWORD = "container-pw";
    /** The source container's name on the network replicas join. */
    static final String SOURCE_ALIAS = "mysqlslice-source";
    private static Network network;

    private Containers() {
    }

    static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("MYSQLSLICE_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static synchronized TestServers start() {
        network = Network.newNetwork();
        MySQLContainer source = new MySQLContainer(IMAGE)
                .withUsername("mysqlslice").withPassword(PASSWORD)
                .withNetwork(network).withNetworkAliases(SOURCE_ALIAS)
                .withCommand("--server-id=1", "--log-bin=binlog", "--binlog-format=ROW", "--binlog-row-image=FULL",
                        "--gtid-mode=ON", "--enforce-gtid-consistency=ON", "--local-infile=1",
                        "--max-allowed-packet=256M", "--character-set-server=utf8mb4");
        MySQLContainer target = new MySQLContainer(IMAGE)
                .withUsername("mysqlslice").withPassword(PASSWORD)
                .withCommand("--server-id=2", "--local-infile=1", "--max-allowed-packet=256M",
                        "--character-set-server=utf8mb4");
        source.start();
        target.start();
        return TestServers.of(address(source), address(target));
    }

    /** The network of the source container, when the test servers are containers (a replica joins it). */
    static synchronized Optional<Network> sourceNetwork() {
        TestServers.get();
        return Optional.ofNullable(network);
    }

    private static ServerAddress address(MySQLContainer container) {
        // Tests administer the server as root; the container's root password is the user password.
        return new ServerAddress(container.getHost(), container.getMappedPort(3306), "root", container.getPassword(),
                Optional.empty(), "mysql-container");
    }
}
