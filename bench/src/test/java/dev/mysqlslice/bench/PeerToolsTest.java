package dev.mysqlslice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerToolsTest {

    @TempDir
    Path bin;

    @Test
    void aToolMissingFromThePathIsNamedWithTheScenariosThatNeedItAndTheFix() throws IOException {
        executable("mysqldump");
        executable("mysql");
        executable("mydumper");
        executable("myloader");
        Files.createFile(bin.resolve("pt-table-sync"));

        Map<String, List<String>> missing = PeerTools.missing(Set.of("S1", "S2", "S4", "S5"), "/nonexistent:" + bin);

        assertThat(missing).containsOnlyKeys("pt-table-sync");
        assertThat(missing.get("pt-table-sync")).containsExactlyInAnyOrder("S2", "S4");
        assertThat(PeerTools.error(Map.of("pt-table-sync", List.of("S2", "S4")))).isEqualTo(
                "mysqlslice-bench: not installed: pt-table-sync (S2, S4); run ./mysqlslice-bench, which installs"
                        + " percona-toolkit and mydumper, or pass --no-peers");
    }

    @Test
    void scenariosWithoutPeersNeedNothing() {
        assertThat(PeerTools.missing(Set.of("S5", "S6"), "")).isEmpty();
    }

    private void executable(String name) throws IOException {
        Files.createFile(bin.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
