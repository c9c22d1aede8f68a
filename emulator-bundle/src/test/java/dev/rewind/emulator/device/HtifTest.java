package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtifTest {

    private static final long RAM = 0x8000_0000L;
    private static final long TOHOST = RAM + 0x1000;
    private static final long FROMHOST = RAM + 0x1040;
    private static final long MAGIC = RAM + 0x2000;

    private final FakeContext ctx = new FakeContext(1);
    private final FakeMemory mem = new FakeMemory(RAM, 0x4000);
    private final Htif htif = new Htif(ctx, mem, TOHOST, FROMHOST);

    private void store(long value) {
        mem.write(TOHOST, 8, value);
        htif.onTohostWrite();
    }

    @Test
    void passAndFailCodes() {
        store(1);
        assertThat(mem.read(TOHOST, 8)).isZero();
        store(3 << 1 | 1);
        store(255L << 1 | 1);
        assertThat(ctx.exits).containsExactly(0, 3, 255);
        assertThat(htif.tohostAddress()).isEqualTo(TOHOST);
        assertThat(htif.fromhostAddress()).isEqualTo(FROMHOST);
    }

    @Test
    void zeroIsNotACommand() {
        store(0);
        assertThat(ctx.exits).isEmpty();
        assertThat(mem.read(FROMHOST, 8)).isZero();
    }

    @Test
    void rv32TwoWordStoresLowFirst() {
        mem.write(TOHOST, 4, 7); // riscv-tests write_tohost: low word ...
        htif.onTohostWrite();
        mem.write(TOHOST + 4, 4, 0); // ... then the high word
        htif.onTohostWrite();
        assertThat(ctx.exits).containsExactly(3);
    }

    @Test
    void consoleDeviceWritesAndAcknowledges() {
        store(1L << 56 | 1L << 48 | 'Q');
        assertThat(ctx.console.text()).isEqualTo("Q");
        assertThat(mem.read(TOHOST, 8)).isZero();
        assertThat(mem.read(FROMHOST, 8)).isEqualTo(1L << 56 | 1L << 48 | 0x100 | 'Q');
        assertThat(ctx.exits).isEmpty();
    }

    @Test
    void syscallWriteToStdoutAndStderr() {
        mem.putString(RAM + 0x3000, "hello, htif\n");
        long[] block = {Htif.SYS_WRITE, 1, RAM + 0x3000, 12, 0, 0, 0, 0};
        for (int i = 0; i < block.length; i++) {
            mem.write(MAGIC + 8L * i, 8, block[i]);
        }
        store(MAGIC);
        assertThat(ctx.console.text()).isEqualTo("hello, htif\n");
        assertThat(mem.read(MAGIC, 8)).isEqualTo(12); // result replaces the call number
        assertThat(mem.read(FROMHOST, 8)).isEqualTo(1);
        assertThat(mem.read(TOHOST, 8)).isZero();

        mem.write(MAGIC, 8, Htif.SYS_WRITE);
        mem.write(MAGIC + 8, 8, 2);
        mem.write(MAGIC + 24, 8, 5);
        store(MAGIC);
        assertThat(ctx.console.text()).endsWith("hello");
        assertThat(mem.read(MAGIC, 8)).isEqualTo(5);
    }

    @Test
    void syscallErrors() {
        mem.write(MAGIC, 8, Htif.SYS_WRITE);
        mem.write(MAGIC + 8, 8, 7); // fd 7
        store(MAGIC);
        assertThat(mem.read(MAGIC, 8)).isEqualTo(-9); // -EBADF

        mem.write(MAGIC, 8, Htif.SYS_WRITE);
        mem.write(MAGIC + 8, 8, 1);
        mem.write(MAGIC + 16, 8, 0x10); // buffer outside RAM
        mem.write(MAGIC + 24, 8, 4);
        store(MAGIC);
        assertThat(mem.read(MAGIC, 8)).isEqualTo(-14); // -EFAULT

        mem.write(MAGIC, 8, 1234); // unknown call
        store(MAGIC);
        assertThat(mem.read(MAGIC, 8)).isEqualTo(-38); // -ENOSYS
        assertThat(ctx.console.size()).isZero();

        store(0x10); // block outside RAM: ignored, the host survives
        assertThat(ctx.exits).isEmpty();
    }

    @Test
    void syscallExit() {
        mem.write(MAGIC, 8, Htif.SYS_EXIT);
        mem.write(MAGIC + 8, 8, 17);
        store(MAGIC);
        mem.write(MAGIC, 8, Htif.SYS_EXIT_GROUP);
        mem.write(MAGIC + 8, 8, 0);
        store(MAGIC);
        assertThat(ctx.exits).containsExactly(17, 0);
    }

    @Test
    void unknownDevicesAreIgnored() {
        store(2L << 56 | 5);
        store(1L << 56 | 0L << 48 | 1); // console read: not supported
        assertThat(ctx.exits).isEmpty();
        assertThat(ctx.console.size()).isZero();
        assertThat(mem.read(TOHOST, 8)).isZero();
    }

    @Test
    void withoutFromhostResponsesAreDropped() {
        Htif h = new Htif(ctx, mem, TOHOST, Htif.NO_FROMHOST);
        mem.write(TOHOST, 8, 1L << 56 | 1L << 48 | 'x');
        h.onTohostWrite();
        assertThat(ctx.console.text()).isEqualTo("x");
        assertThat(mem.read(FROMHOST, 8)).isZero();
    }

    @Test
    void rejectsAddressesOutsideMemory() {
        assertThatThrownBy(() -> new Htif(ctx, mem, 0x1000, FROMHOST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTIF tohost at 0x1000 is not in memory");
        assertThatThrownBy(() -> new Htif(ctx, mem, TOHOST, RAM + 0x4000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromhost");
    }

    @Test
    void stateRoundTrip() {
        byte[] s = htif.saveState();
        htif.restoreState(s);
        assertThat(htif.saveState()).isEqualTo(s);
        assertThatThrownBy(() -> htif.restoreState(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
