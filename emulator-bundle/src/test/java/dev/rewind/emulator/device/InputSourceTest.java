package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputSourceTest {

    @Test
    void noneNeverDelivers() {
        InputSource in = InputSource.none();
        assertThat(in.nextTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.position()).isZero();
        assertThatThrownBy(in::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("no more input");
    }

    @Test
    void scheduledBytesArriveInOrderAtTheirTimes() {
        byte[] src = {'a', 'b', (byte) 0xE9};
        InputSource in = InputSource.of(src, 100, 10);
        src[0] = 'z'; // the source keeps its own copy
        assertThat(in.nextTime()).isEqualTo(100);
        assertThat(in.take()).isEqualTo('a');
        assertThat(in.nextTime()).isEqualTo(110);
        assertThat(in.take()).isEqualTo('b');
        assertThat(in.take()).isEqualTo(0xE9);
        assertThat(in.position()).isEqualTo(3);
        assertThat(in.nextTime()).isEqualTo(Long.MAX_VALUE);
        in.seek(1);
        assertThat(in.nextTime()).isEqualTo(110);
        assertThat(in.take()).isEqualTo('b');
    }

    @Test
    void hugeTimesDoNotOverflow() {
        InputSource in = InputSource.of(new byte[] {1, 2}, Long.MAX_VALUE - 5, Long.MAX_VALUE);
        in.take();
        assertThat(in.nextTime()).isGreaterThan(0).isLessThan(Long.MAX_VALUE);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> InputSource.of(new byte[1], -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start time");
        assertThatThrownBy(() -> InputSource.of(new byte[1], 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        InputSource in = InputSource.of(new byte[2], 0, 1);
        assertThatThrownBy(() -> in.seek(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> in.seek(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectingConsoleKeepsBytes() {
        CollectingConsole c = ConsoleSink.collecting();
        for (byte b : "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            c.write(b);
        }
        assertThat(c.text()).isEqualTo("héllo");
        assertThat(c.size()).isEqualTo(6);
        c.clear();
        assertThat(c.bytes()).isEmpty();
        ConsoleSink.discard().write((byte) 1); // accepted and dropped
    }
}
