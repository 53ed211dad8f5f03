package dev.mysqlslice.daemon.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtidsTest {

    @Test
    void tellsTaggedGtidSetsOfMysql84FromPlainOnes() {
        // gtid_executed as MySQL 8.4 shows it, with and without tags (SHOW BINARY LOG STATUS wraps long sets).
        assertThat(Gtids.hasTags("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:mytag:1-3")).isTrue();
        assertThat(Gtids.hasTags("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n8f2e7c01-71ca-11e1-9e33-c80aa9429563:_t:7"))
                .isTrue();
        assertThat(Gtids.hasTags("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:11-20,\n8f2e7c01-71ca-11e1-9e33-c80aa9429563:7"))
                .isFalse();
        assertThat(Gtids.hasTags("")).isFalse();
        assertThat(Gtids.hasTags("0-1-146")).isFalse();
    }
}
