package dev.mysqlslice.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server, initialiser and client executables found on this machine. */
public record ServerBinaries(Flavor flavor, Path server, Path installDb, Path client) {

    /** How to get a server onto a fresh Debian machine; quoted in every "no server" failure. */
    public static final String INSTALL_HINT =
            "install one with: sudo apt-get update && sudo apt-get install -y mariadb-server";

    /** Finds MariaDB (preferred) or MySQL binaries on PATH and the usual sbin directories. */
    public static Optional<ServerBinaries> locate() {
        List<Path> dirs = searchPath();
        Optional<Path> mariadbd = find(dirs, "mariadbd");
        if (mariadbd.isPresent()) {
            Optional<Path> installDb = find(dirs, "mariadb-install-db");
            Optional<Path> client = find(dirs, "mariadb");
            if (installDb.isPresent() && client.isPresent()) {
                return Optional.of(new ServerBinaries(Flavor.MARIADB, mariadbd.get(), installDb.get(), client.get()));
            }
        }
        Optional<Path> mysqld = find(dirs, "mysqld");
        Optional<Path> mysql = find(dirs, "mysql");
        if (mysqld.isPresent() && mysql.isPresent()) {
            // MySQL initialises its data directory with `mysqld --initialize-insecure`.
            return Optional.of(new ServerBinaries(Flavor.MYSQL, mysqld.get(), mysqld.get(), mysql.get()));
        }
        return Optional.empty();
    }

    /** Like {@link #locate()} but fails with the install hint when nothing is found. */
    public static ServerBinaries require() {
        return locate().orElseThrow(() -> new SandboxException(
                "no mariadbd or mysqld binary found on PATH or in /usr/sbin; " + INSTALL_HINT));
    }

    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        for (String extra : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/mysql/bin")) {
            dirs.add(Path.of(extra));
        }
        return dirs;
    }

    private static Optional<Path> find(List<Path> dirs, String name) {
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
