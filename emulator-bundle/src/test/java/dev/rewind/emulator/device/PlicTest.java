package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PLIC at virt's layout: priorities, pending, enables, thresholds, claim/complete, M contexts per hart. */
class PlicTest {
    static final int MEIP = 1 << 11;
    static final long ENABLE = 0x2000, CONTEXT = 0x20_0000;

    @Test
    void claimCompleteThresholdAndPriority() {
        FakeContext ctx = new FakeContext(2);
        Plic p = new Plic(0x0C00_0000L, 2);
        p.attach(ctx);
        IrqLine uart = p.line(10);
        IrqLine other = p.line(33);
        p.write(4 * 10, 4, 1);                       // priority 1
        p.write(4 * 33, 4, 0xFF);                    // WARL: 3 bits
        assertThat(p.read(4 * 33, 4)).isEqualTo(7);
        uart.set(true);
        assertThat(p.read(0x1000, 4)).as("pending").isEqualTo(1 << 10);
        assertThat(ctx.mip[0] & MEIP).as("not enabled yet").isZero();
        p.write(ENABLE + 0x80 * 2, 4, 1 << 10);      // hart 1's M context
        assertThat(ctx.mip[1] & MEIP).isNotZero();
        assertThat(ctx.mip[0] & MEIP).isZero();
        p.write(CONTEXT + 0x1000 * 2, 4, 1);         // threshold 1 masks priority 1
        assertThat(ctx.mip[1] & MEIP).isZero();
        p.write(CONTEXT + 0x1000 * 2, 4, 0);
        other.set(true);
        p.write(ENABLE + 0x80 * 2 + 4, 4, 1 << 1);   // source 33
        assertThat(p.read(CONTEXT + 0x1000 * 2 + 4, 4)).as("highest priority first").isEqualTo(33);
        assertThat(p.read(CONTEXT + 0x1000 * 2 + 4, 4)).isEqualTo(10);
        assertThat(p.read(CONTEXT + 0x1000 * 2 + 4, 4)).as("nothing left").isZero();
        assertThat(ctx.mip[1] & MEIP).isZero();
        // completion while the line is still high: pending again; after it drops: quiet
        p.write(CONTEXT + 0x1000 * 2 + 4, 4, 10);
        assertThat(ctx.mip[1] & MEIP).isNotZero();
        assertThat(p.read(CONTEXT + 0x1000 * 2 + 4, 4)).isEqualTo(10);
        uart.set(false);
        p.write(CONTEXT + 0x1000 * 2 + 4, 4, 10);
        other.set(false);
        p.write(CONTEXT + 0x1000 * 2 + 4, 4, 33);
        assertThat(p.read(0x1000, 4)).isZero();
        assertThat(ctx.mip[1] & MEIP).isZero();
    }

    @Test
    void stateRoundTripsAndUartDrivesItsLine() {
        FakeContext ctx = new FakeContext(1);
        Plic p = new Plic(0x0C00_0000L, 1);
        p.attach(ctx);
        Uart16550 u = new Uart16550(0x1000_0000L, InputSource.of("k".getBytes(), 50, 10), p.line(10));
        u.attach(ctx);
        p.write(4 * 10, 4, 2);
        p.write(ENABLE, 4, 1 << 10);
        u.write(Uart16550.IER_DLM, 1, Uart16550.IER_THRI);
        assertThat(ctx.mip[0] & MEIP).as("THR empty raises the line").isNotZero();
        byte[] saved = p.saveState();
        assertThat(p.read(CONTEXT + 4, 4)).isEqualTo(10);
        assertThat(u.read(Uart16550.IIR_FCR, 1) & 0x0F).isEqualTo(Uart16550.IIR_THRI);
        u.write(Uart16550.IER_DLM, 1, Uart16550.IER_RDI);     // only received data from now on
        p.write(CONTEXT + 4, 4, 10);
        assertThat(ctx.mip[0] & MEIP).isZero();
        assertThat(u.nextEventTime()).as("the machine ticks the UART when the byte arrives").isEqualTo(50);
        ctx.now = 50;
        u.tick(50);
        assertThat(ctx.mip[0] & MEIP).as("received data raises it").isNotZero();
        assertThat(u.read(Uart16550.RBR_THR_DLL, 1)).isEqualTo('k');
        assertThat(p.read(CONTEXT + 4, 4)).as("the line dropped after the read, yet it was pending").isEqualTo(10);
        Plic q = new Plic(0x0C00_0000L, 1);
        q.attach(new FakeContext(1));
        q.restoreState(saved);
        assertThat(q.saveState()).isEqualTo(saved);
        assertThat(q.read(CONTEXT + 4, 4)).isEqualTo(10);
    }
}
