package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Uart16550Test {

    private final FakeContext ctx = new FakeContext(1);

    private Uart16550 uart(InputSource in) {
        Uart16550 u = new Uart16550(0x1000_0000L, in);
        u.attach(ctx);
        return u;
    }

    private static InputSource input(String s, long start, long interval) {
        return InputSource.of(s.getBytes(StandardCharsets.US_ASCII), start, interval);
    }

    @Test
    void transmitsToTheConsoleAndAlwaysReportsThrEmpty() {
        Uart16550 u = uart(InputSource.none());
        assertThat(u.name()).isEqualTo("uart0");
        assertThat(u.size()).isEqualTo(0x100);
        for (byte b : "ok\n".getBytes(StandardCharsets.US_ASCII)) {
            assertThat(u.read(5, 1) & 0x60).isEqualTo(0x60);
            u.write(0, 1, b);
        }
        assertThat(ctx.console.text()).isEqualTo("ok\n");
        assertThat(u.read(5, 1)).isEqualTo(0x60); // no data ready
        u.write(0, 4, 0x1234_5641L); // wider access: low byte
        assertThat(ctx.console.text()).endsWith("A");
    }

    @Test
    void receivesInputBytesWhenTheirTimeHasCome() {
        Uart16550 u = uart(input("hi", 100, 50));
        ctx.now = 99;
        assertThat(u.read(5, 1) & 1).isZero();
        assertThat(u.read(0, 1)).isZero(); // nothing yet: nothing consumed
        ctx.now = 100;
        assertThat(u.read(5, 1) & 1).isEqualTo(1);
        assertThat(u.read(0, 1)).isEqualTo('h');
        assertThat(u.read(5, 1) & 1).isZero(); // 'i' is due at 150
        ctx.now = 400;
        assertThat(u.read(5, 1)).isEqualTo(0x61);
        assertThat(u.read(0, 1)).isEqualTo('i');
        assertThat(u.read(5, 1)).isEqualTo(0x60);
    }

    @Test
    void divisorLatchSharesOffsetsZeroAndOne() {
        Uart16550 u = uart(input("x", 0, 0));
        u.write(3, 1, 0x83); // DLAB + 8N1
        u.write(0, 1, 0x01); // DLL
        u.write(1, 1, 0x02); // DLM
        assertThat(u.read(0, 1)).isEqualTo(0x01);
        assertThat(u.read(1, 1)).isEqualTo(0x02);
        assertThat(ctx.console.size()).isZero(); // DLL write did not transmit
        assertThat(u.read(5, 1) & 1).isEqualTo(1); // DLL read did not consume input
        u.write(3, 1, 0x03);
        assertThat(u.read(3, 1)).isEqualTo(0x03);
        assertThat(u.read(1, 1)).isZero(); // IER
        u.write(1, 1, 0xFF);
        assertThat(u.read(1, 1)).isEqualTo(0x0F);
        assertThat(u.read(0, 1)).isEqualTo('x');
        u.write(3, 1, 0x80);
        assertThat(u.read(0, 1)).isEqualTo(0x01); // divisor kept
        assertThat(u.read(1, 1)).isEqualTo(0x02);
    }

    @Test
    void interruptIdentification() {
        Uart16550 u = uart(input("a", 10, 0));
        assertThat(u.read(2, 1)).isEqualTo(0x01); // no interrupt
        u.write(2, 1, 0x01); // FIFO enable
        assertThat(u.read(2, 1)).isEqualTo(0xC1);
        u.write(1, 1, 0x02); // enable THRE interrupt: THR is empty, so it is pending
        assertThat(u.read(2, 1)).isEqualTo(0xC2);
        assertThat(u.read(2, 1)).isEqualTo(0xC1); // reading IIR acknowledged it
        u.write(0, 1, 'z');
        assertThat(u.read(2, 1)).isEqualTo(0xC2); // THR emptied again
        u.write(1, 1, 0x03); // + received data interrupt
        assertThat(u.read(2, 1)).isEqualTo(0xC1);
        ctx.now = 10;
        assertThat(u.read(2, 1)).isEqualTo(0xC4); // data ready has priority
        assertThat(u.read(0, 1)).isEqualTo('a');
        assertThat(u.read(2, 1)).isEqualTo(0xC1);
    }

    @Test
    void fifoControlClearsReceivedBytes() {
        Uart16550 u = uart(input("abc", 0, 10));
        ctx.now = 15; // 'a' and 'b' have arrived, 'c' has not
        u.write(2, 1, 0x07); // enable + clear both FIFOs
        assertThat(u.read(5, 1) & 1).isZero();
        ctx.now = 20;
        assertThat(u.read(0, 1)).isEqualTo('c');
    }

    @Test
    void modemAndScratchRegisters() {
        Uart16550 u = uart(InputSource.none());
        assertThat(u.read(6, 1)).isEqualTo(0xB0); // CTS, DSR, DCD
        u.write(4, 1, 0xFF);
        assertThat(u.read(4, 1)).isEqualTo(0x1F);
        assertThat(u.read(6, 1)).isEqualTo(0xF0); // loopback: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD
        u.write(4, 1, 0x11); // loopback + DTR only
        assertThat(u.read(6, 1)).isEqualTo(0x20);
        u.write(7, 1, 0x5A);
        assertThat(u.read(7, 1)).isEqualTo(0x5A);
        u.write(5, 1, 0); // LSR is read-only
        u.write(6, 1, 0); // MSR is read-only
        assertThat(u.read(5, 1)).isEqualTo(0x60);
        assertThat(u.read(0x20, 1)).isZero(); // beyond the registers
        u.write(0x20, 1, 1);
    }

    @Test
    void loopbackReturnsTransmittedBytes() {
        Uart16550 u = uart(input("n", 0, 0));
        u.write(4, 1, 0x10);
        u.write(0, 1, 'L');
        assertThat(ctx.console.size()).isZero();
        assertThat(u.read(5, 1)).isEqualTo(0x61);
        assertThat(u.read(0, 1)).isEqualTo('L');
        assertThat(u.read(5, 1)).isEqualTo(0x60);
        u.write(4, 1, 0);
        assertThat(u.read(0, 1)).isEqualTo('n'); // real input untouched by loopback
    }

    @Test
    void stateRoundTripIncludesInputPosition() {
        InputSource in = input("abcd", 0, 1);
        Uart16550 u = uart(in);
        ctx.now = 100;
        u.write(3, 1, 0x80);
        u.write(0, 1, 0x03);
        u.write(3, 1, 0x1B);
        u.write(1, 1, 0x03);
        u.write(2, 1, 0xC1);
        u.write(7, 1, 0x77);
        assertThat(u.read(0, 1)).isEqualTo('a');
        byte[] state = u.saveState();
        assertThat(u.saveState()).isEqualTo(state);

        assertThat(u.read(0, 1)).isEqualTo('b');
        assertThat(u.read(0, 1)).isEqualTo('c');
        u.write(7, 1, 0);
        u.write(3, 1, 0);
        u.restoreState(state);
        assertThat(u.saveState()).isEqualTo(state);
        assertThat(u.read(7, 1)).isEqualTo(0x77);
        assertThat(u.read(3, 1)).isEqualTo(0x1B);
        assertThat(u.read(0, 1)).isEqualTo('b'); // input replays from the saved position

        Uart16550 fresh = uart(input("abcd", 0, 1));
        fresh.restoreState(state);
        assertThat(fresh.saveState()).isEqualTo(state);
        assertThat(fresh.read(0, 1)).isEqualTo('b');
        assertThat(fresh.read(2, 1)).isEqualTo(0xC4); // data ready ('c'), FIFO enabled
    }

    @Test
    void rejectsDamagedStateWithoutChangingAnything() {
        Uart16550 u = uart(input("ab", 0, 1));
        u.write(7, 1, 9);
        byte[] other = uart(input("abc", 0, 1)).saveState();
        byte[] before = u.saveState();
        other[other.length - 1] = 9; // input position 9: beyond this source's two bytes
        assertThatThrownBy(() -> u.restoreState(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..2");
        assertThat(u.saveState()).isEqualTo(before);
        assertThatThrownBy(() -> u.restoreState(new byte[] {0, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
