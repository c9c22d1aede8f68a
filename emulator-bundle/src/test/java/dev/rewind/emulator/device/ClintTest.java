package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClintTest {

    private FakeContext ctx;
    private Clint clint;

    @BeforeEach
    void setUp() {
        ctx = new FakeContext(4);
        clint = new Clint(0x0200_0000L);
        clint.attach(ctx);
    }

    @Test
    void describesItsWindow() {
        assertThat(clint.name()).isEqualTo("clint");
        assertThat(clint.base()).isEqualTo(0x0200_0000L);
        assertThat(clint.size()).isEqualTo(0x1_0000);
    }

    @Test
    void msipDrivesSoftwareInterruptPerHart() {
        clint.write(0x8, 4, 1); // hart 2
        assertThat(ctx.pending(2, 3)).isTrue();
        assertThat(ctx.pending(0, 3)).isFalse();
        assertThat(clint.read(0x8, 4)).isEqualTo(1);
        clint.write(0x8, 4, 0xFFFF_FFFEL); // only bit 0 counts
        assertThat(ctx.pending(2, 3)).isFalse();
        assertThat(clint.read(0x8, 4)).isZero();
        clint.write(0x10, 4, 1); // hart 4 does not exist: ignored
        assertThat(clint.read(0x10, 4)).isZero();
    }

    @Test
    void mtimeIsVirtualTimePlusWrittenOffset() {
        ctx.now = 12345;
        assertThat(clint.read(0xBFF8, 8)).isEqualTo(12345);
        assertThat(clint.read(0xBFF8, 4)).isEqualTo(12345);
        assertThat(clint.read(0xBFFC, 4)).isZero();
        clint.write(0xBFF8, 8, 0x1_0000_0000L); // set mtime
        ctx.now = 12355;
        assertThat(clint.mtime()).isEqualTo(0x1_0000_000AL);
        assertThat(clint.read(0xBFFC, 4)).isEqualTo(1);
        clint.write(0xBFFC, 4, 0); // high half only
        assertThat(clint.read(0xBFF8, 8)).isEqualTo(0xA);
    }

    @Test
    void timerInterruptFollowsMtimecmp() {
        assertThat(clint.read(0x4000, 8)).isEqualTo(-1L); // reset: nothing pending
        assertThat(clint.nextEventTime()).isEqualTo(Long.MAX_VALUE);
        ctx.now = 100;
        clint.write(0x4000 + 8 * 1, 8, 150); // hart 1
        assertThat(ctx.pending(1, 7)).isFalse();
        assertThat(clint.nextEventTime()).isEqualTo(150);
        ctx.now = 149;
        clint.tick(149);
        assertThat(ctx.pending(1, 7)).isFalse();
        ctx.now = 150;
        clint.tick(150);
        assertThat(ctx.pending(1, 7)).isTrue();
        assertThat(ctx.pending(0, 7)).isFalse();
        assertThat(clint.nextEventTime()).isEqualTo(Long.MAX_VALUE); // already pending
        clint.write(0x4008, 8, 1000); // new deadline clears MTIP
        assertThat(ctx.pending(1, 7)).isFalse();
        assertThat(clint.nextEventTime()).isEqualTo(1000);
        clint.write(0x4008, 8, 10); // deadline in the past: pending at once
        assertThat(ctx.pending(1, 7)).isTrue();
    }

    @Test
    void mtimecmpHalvesForRv32() {
        ctx.now = 5;
        clint.write(0x4000, 4, 0xFFFF_FFFFL); // low half
        clint.write(0x4004, 4, 0); // high half
        assertThat(clint.read(0x4000, 8)).isEqualTo(0xFFFF_FFFFL);
        assertThat(clint.read(0x4004, 4)).isZero();
        clint.write(0x4000, 4, 3);
        assertThat(ctx.pending(0, 7)).isTrue();
    }

    @Test
    void mtimeWriteMovesTheDeadline() {
        clint.write(0x4000, 8, 1000);
        ctx.now = 10;
        clint.write(0xBFF8, 8, 900); // mtime jumps ahead by 890
        assertThat(clint.nextEventTime()).isEqualTo(110);
        clint.write(0xBFF8, 8, 1000);
        assertThat(ctx.pending(0, 7)).isTrue();
    }

    @Test
    void onlyInterruptChangesAreDriven() {
        clint.write(0, 4, 1);
        clint.write(0, 4, 1);
        clint.tick(0);
        clint.tick(1);
        assertThat(ctx.interruptCalls).isEqualTo(1);
    }

    @Test
    void rejectsUnsupportedAccesses() {
        assertThatThrownBy(() -> clint.read(0x0, 8)).isInstanceOf(DeviceAccessException.class)
                .hasMessageContaining("8-byte access at offset 0x0");
        assertThatThrownBy(() -> clint.write(0x2, 4, 1)).isInstanceOf(DeviceAccessException.class);
        assertThatThrownBy(() -> clint.read(0x4000, 2)).isInstanceOf(DeviceAccessException.class);
        assertThatThrownBy(() -> clint.read(0x4004, 8)).isInstanceOf(DeviceAccessException.class);
        assertThatThrownBy(() -> clint.write(0xBFF8, 1, 1)).isInstanceOf(DeviceAccessException.class);
        assertThat(clint.read(0xC000, 4)).isZero(); // reserved
        assertThat(clint.read(0x4000 + 8 * 4, 8)).isZero(); // hart 4 does not exist
    }

    @Test
    void stateRoundTrip() {
        ctx.now = 50;
        clint.write(0x4, 4, 1);
        clint.write(0x4010, 8, 70);
        clint.write(0x4018, 8, 20);
        clint.write(0xBFF8, 8, 60);
        byte[] state = clint.saveState();
        assertThat(clint.saveState()).isEqualTo(state); // deterministic

        Clint copy = new Clint(0x0200_0000L);
        FakeContext other = new FakeContext(4);
        other.now = 50;
        copy.attach(other);
        copy.restoreState(state);
        assertThat(copy.saveState()).isEqualTo(state);
        for (long off : new long[] {0x0, 0x4, 0x4010, 0x4018, 0xBFF8}) {
            assertThat(copy.read(off, off < 0x4000 ? 4 : 8)).as("offset 0x%x", off).isEqualTo(clint.read(off,
                    off < 0x4000 ? 4 : 8));
        }
        assertThat(copy.nextEventTime()).isEqualTo(clint.nextEventTime()).isEqualTo(60);

        // Change the original, then go back.
        clint.write(0x4, 4, 0);
        clint.write(0x4010, 8, 5);
        assertThat(clint.saveState()).isNotEqualTo(state);
        clint.restoreState(state);
        assertThat(clint.saveState()).isEqualTo(state);
        assertThat(clint.read(0x4, 4)).isEqualTo(1);
    }

    @Test
    void rejectsForeignOrDamagedState() {
        byte[] state = clint.saveState();
        Clint two = new Clint(0);
        two.attach(new FakeContext(2));
        assertThatThrownBy(() -> two.restoreState(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hart count is 4, this device has 2");
        assertThatThrownBy(() -> clint.restoreState(java.util.Arrays.copyOf(state, state.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> clint.restoreState(java.util.Arrays.copyOf(state, state.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> clint.restoreState(new TestFinisher(0).saveState()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'test-finisher/1'");
    }

    @Test
    void rejectsAbsurdHartCounts() {
        assertThatThrownBy(() -> new Clint(0).attach(new FakeContext(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..4095");
    }
}
