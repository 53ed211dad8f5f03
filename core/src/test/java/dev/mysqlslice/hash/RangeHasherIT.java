package dev.mysqlslice.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.config.HashAlgorithm;
import dev.mysqlslice.config.Role;
import dev.mysqlslice.jdbc.Connector;
import dev.mysqlslice.jdbc.Session;
import dev.mysqlslice.model.IntegerInterval;
import dev.mysqlslice.model.ScanEnd;
import dev.mysqlslice.model.TableShape;
import dev.mysqlslice.schema.SchemaReader;
import dev.mysqlslice.testing.RealServers;
import dev.mysqlslice.testing.Series;
import dev.mysqlslice.testing.ServerPair;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RangeHasher}'s bucket queries read back as buckets, on a real server. */
@ExtendWith(RealServers.class)
class RangeHasherIT {

    private static final BigInteger ONE = BigInteger.ONE;

    private final Connector connector = new Connector();

    @Test
    void aBucketSpanningTwoIntervalsIsOneBucketOfTheRowsOfBoth(ServerPair servers) {
        servers.source().execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t SELECT seq, CONCAT('v', seq) FROM " + Series.of(3000));
        try (Session session = Session.open(connector, servers.endpoint(Role.SOURCE))) {
            TableShape shape = new SchemaReader().read(session).shape("t", List.of()).shape().orElseThrow();
            Side side = new Side(session, Optional.empty());
            RangeHasher hasher = new RangeHasher();
            BigInteger hi = BigInteger.valueOf(3000);
            BigInteger step = BigInteger.valueOf(62);

            // Buckets of 62 keys from 1: bucket 16 holds keys 993-1054, half in each interval.
            Buckets within = hasher.bucketsWithin(side, shape, ONE, hi, step,
                    List.of(interval(1, 1000), interval(1001, 2000)), HashAlgorithm.CRC32);
            Buckets whole = hasher.buckets(side, shape, ONE, hi, ScanEnd.AT_HI, step, HashAlgorithm.CRC32);

            Bucket straddling = within.bucket(16).orElseThrow();
            assertThat(straddling.hash().count()).isEqualTo(62);
            assertThat(List.of(straddling.min(), straddling.max()))
                    .containsExactly(BigInteger.valueOf(993), BigInteger.valueOf(1054));
            assertThat(straddling).isEqualTo(whole.bucket(16).orElseThrow());
            // Buckets 0-31 lie wholly within the intervals; bucket 32 (keys 1985-2046) only up to key 2000.
            assertThat(within.size()).isEqualTo(33);
            for (int number = 0; number < 32; number++) {
                assertThat(within.bucket(number)).isEqualTo(whole.bucket(number));
            }
            assertThat(within.bucket(32).orElseThrow().hash().count()).isEqualTo(16);
        }
    }

    private static IntegerInterval interval(long first, long last) {
        return new IntegerInterval(BigInteger.valueOf(first), BigInteger.valueOf(last));
    }
}
