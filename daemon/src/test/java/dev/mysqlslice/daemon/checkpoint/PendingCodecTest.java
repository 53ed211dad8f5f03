package dev.mysqlslice.daemon.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.daemon.dirty.TableChange;
import dev.mysqlslice.model.Bytes;
import dev.mysqlslice.model.Key;
import dev.mysqlslice.model.KeyRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingCodecTest {

    @Test
    void pendingRangesRoundTripWithEveryKeyType() {
        Map<String, TableChange> pending = new LinkedHashMap<>();
        pending.put("ints", new TableChange.Ranges(List.of(KeyRange.closed(Key.of(1L), Key.of(9L)), KeyRange.above(Key.of(-3L)))));
        pending.put("mixed", new TableChange.Ranges(List.of(KeyRange.single(Key.of(new BigInteger("18446744073709551615"),
                new BigDecimal("-1.50"), "é😀", Bytes.of(new byte[] {0, (byte) 0xff}), 2.5)))));
        pending.put("everything", new TableChange.Whole());
        pending.put("slice", new TableChange.Members(Map.of("tok", List.of(Key.of(3L), Key.of(4L)),
                "pairs", List.of(Key.of(1L, "é")))));

        String json = PendingCodec.write(pending);

        assertThat(PendingCodec.read(json)).isEqualTo(pending);
        assertThat(json).startsWith("{\"ints\":[{\"from\":[{\"long\":\"1\"}],\"to\":[{\"long\":\"9\"}]}");
    }

    @Test
    void statusRoundTrips() {
        DaemonStatus status = new DaemonStatus(1, 2, 3, 4, 5, 6, Map.of("bar", "shape differs"), true, 7,
                "paused while the file /run/x exists");

        assertThat(PendingCodec.readStatus(PendingCodec.writeStatus(status))).isEqualTo(status);
        assertThat(PendingCodec.readStatus(null)).isEqualTo(DaemonStatus.initial());
    }
}
