package dev.mysqlslice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionFileTest {

    @Test
    void sourceOfMariadbWritesRowBinlogAndRunsAsRoot() {
        String text = OptionFile.render(Flavor.MARIADB, ServerSpec.source(), Path.of("/tmp/s"), 3310, true);

        assertThat(text).isEqualTo("""
                [mariadbd]
                user=root
                datadir=/tmp/s/data
                tmpdir=/tmp/s/tmp
                socket=/tmp/s/mysqld.sock
                pid-file=/tmp/s/mysqld.pid
                log-error=/tmp/s/error.log
                port=3310
                bind-address=127.0.0.1
                server-id=1
                skip-name-resolve
                local-infile=1
                max-allowed-packet=256M
                character-set-server=utf8mb4
                collation-server=utf8mb4_general_ci
                performance-schema=OFF
                innodb-buffer-pool-size=256M
                innodb-log-file-size=48M
                innodb-flush-log-at-trx-commit=2
                log-bin=/tmp/s/binlog/binlog
                binlog-format=ROW
                binlog-row-image=FULL
                sync-binlog=0
                """);
    }

    @Test
    void targetOfMysqlHasNoBinlogAndKeepsExtraOptionsLast() {
        ServerSpec spec = ServerSpec.target().withOption("gtid-mode", "ON");

        String text = OptionFile.render(Flavor.MYSQL, spec, Path.of("/t"), 1, false);

        assertThat(text).startsWith("[mysqld]\ndatadir=/t/data\n")
                .contains("mysqlx=OFF\nskip-log-bin\ngtid-mode=ON\n")
                .doesNotContain("user=root");
    }
}
