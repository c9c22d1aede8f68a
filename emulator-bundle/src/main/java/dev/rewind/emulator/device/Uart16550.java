package dev.rewind.emulator.device;

import java.util.Objects;

/**
 * A 16550A UART with byte registers (reg-shift 0), as on QEMU's {@code virt} at 0x1000_0000.
 *
 * <p>Transmission is instantaneous: THR writes go straight to {@link DeviceContext#consoleOut(byte)}, so LSR
 * always reports THR empty and transmitter empty (bits 5 and 6). Received bytes come from the
 * deterministic {@link InputSource}: a byte is in the receive buffer once the virtual time has reached its
 * time (LSR bit 0); reading RBR consumes it. The interrupt identification register reflects enabled
 * interrupt causes (received data, THR empty) as a 16550 would and drives the interrupt line (a PLIC source, 10
 * on virt) while one of them is pending: THR empty (set by enabling THRI and by every transmission, cleared by
 * reading IIR while it is the cause or by writing THR) or received data available.
 * With MCR loopback set, transmitted bytes return through RBR instead of reaching the console and MSR
 * mirrors the MCR outputs. Accesses wider than a byte use the low byte; offsets 8 and up read as zero.
 */
public final class Uart16550 extends DeviceWindow {

    public static final long SIZE = 0x100;
    public static final int RBR_THR_DLL = 0;
    public static final int IER_DLM = 1;
    public static final int IIR_FCR = 2;
    public static final int LCR = 3;
    public static final int MCR = 4;
    public static final int LSR = 5;
    public static final int MSR = 6;
    public static final int SCR = 7;

    public static final int LSR_DR = 0x01;
    public static final int LSR_THRE = 0x20;
    public static final int LSR_TEMT = 0x40;
    public static final int LCR_DLAB = 0x80;
    public static final int MCR_LOOP = 0x10;
    public static final int IER_RDI = 0x01;
    public static final int IER_THRI = 0x02;
    public static final int IIR_NO_INT = 0x01;
    public static final int IIR_THRI = 0x02;
    public static final int IIR_RDI = 0x04;
    public static final int IIR_FIFO_ENABLED = 0xC0;
    /** MSR when not in loopback: CTS, DSR and DCD asserted (the other side is always ready). */
    public static final int MSR_IDLE = 0xB0;
    private static final String TAG = "uart16550/1";

    private final InputSource input;
    private final IrqLine irq;

    private int dll = 0x0C; // 9600 baud at 1.8432 MHz, a common reset value
    private int dlm;
    private int ier;
    private int lcr;
    private int mcr;
    private int scr;
    private int fcr;
    /** THR-empty interrupt condition: set when THR empties, cleared by reading IIR while it is the cause. */
    private boolean thrEmptyPending;
    /** The byte waiting in RBR in loopback mode, or -1. */
    private int loopbackByte = -1;

    public Uart16550(long base, InputSource input) {
        this(base, input, IrqLine.NONE);
    }

    /** A UART whose interrupt output drives {@code irq}. */
    public Uart16550(long base, InputSource input, IrqLine irq) {
        super("uart0", base, SIZE);
        this.input = Objects.requireNonNull(input, "input");
        this.irq = Objects.requireNonNull(irq, "irq");
    }

    /** The interrupt output: an enabled cause is pending. */
    private void drive() {
        irq.set((ier & IER_RDI) != 0 && dataReady() || (ier & IER_THRI) != 0 && thrEmptyPending);
    }

    @Override
    public void tick(long now) {
        drive(); // received data becomes available as virtual time passes
    }

    @Override
    public long nextEventTime() {
        return (ier & IER_RDI) != 0 && !loopback() && !dataReady() ? input.nextTime() : Long.MAX_VALUE;
    }

    private boolean dlab() {
        return (lcr & LCR_DLAB) != 0;
    }

    private boolean loopback() {
        return (mcr & MCR_LOOP) != 0;
    }

    private boolean dataReady() {
        return loopback() ? loopbackByte >= 0 : input.nextTime() <= ctx.now();
    }

    @Override
    public long read(long offset, int size) {
        long v = readRegister(offset);
        drive();
        return v;
    }

    private long readRegister(long offset) {
        return switch ((int) Math.min(offset, 8)) {
            case RBR_THR_DLL -> dlab() ? dll : receive();
            case IER_DLM -> dlab() ? dlm : ier;
            case IIR_FCR -> readIir();
            case LCR -> lcr;
            case MCR -> mcr;
            case LSR -> (dataReady() ? LSR_DR : 0) | LSR_THRE | LSR_TEMT;
            case MSR -> loopback() ? loopbackMsr() : MSR_IDLE;
            case SCR -> scr;
            default -> 0;
        };
    }

    private int receive() {
        if (loopback()) {
            int b = Math.max(loopbackByte, 0);
            loopbackByte = -1;
            return b;
        }
        return input.nextTime() <= ctx.now() ? input.take() & 0xFF : 0;
    }

    private int readIir() {
        int fifo = (fcr & 1) != 0 ? IIR_FIFO_ENABLED : 0;
        if ((ier & IER_RDI) != 0 && dataReady()) {
            return fifo | IIR_RDI;
        }
        if ((ier & IER_THRI) != 0 && thrEmptyPending) {
            thrEmptyPending = false; // reading IIR with THRE as the cause acknowledges it
            return fifo | IIR_THRI;
        }
        return fifo | IIR_NO_INT;
    }

    private int loopbackMsr() {
        // DTR -> DSR (bit 5), RTS -> CTS (bit 4), OUT1 -> RI (bit 6), OUT2 -> DCD (bit 7)
        return (mcr & 1) << 5 | (mcr & 2) << 3 | (mcr & 4) << 4 | (mcr & 8) << 4;
    }

    @Override
    public void write(long offset, int size, long value) {
        writeRegister(offset, value);
        drive();
    }

    private void writeRegister(long offset, long value) {
        int b = (int) (value & 0xFF);
        switch ((int) Math.min(offset, 8)) {
            case RBR_THR_DLL -> {
                if (dlab()) {
                    dll = b;
                } else {
                    transmit((byte) b);
                }
            }
            case IER_DLM -> {
                if (dlab()) {
                    dlm = b;
                } else {
                    boolean enablingThri = (ier & IER_THRI) == 0 && (b & IER_THRI) != 0;
                    ier = b & 0x0F;
                    if (enablingThri) {
                        thrEmptyPending = true; // THR is always empty: enabling THRI raises the condition
                    }
                }
            }
            case IIR_FCR -> writeFcr(b);
            case LCR -> lcr = b;
            case MCR -> mcr = b & 0x1F;
            case SCR -> scr = b;
            default -> {
                // LSR and MSR are read-only; offsets beyond the registers are ignored
            }
        }
    }

    private void transmit(byte b) {
        if (loopback()) {
            loopbackByte = b & 0xFF;
        } else {
            ctx.consoleOut(b);
        }
        thrEmptyPending = true;
    }

    private void writeFcr(int b) {
        if ((b & 0x02) != 0) { // clear the receive FIFO: drop the bytes that have arrived
            if (loopback()) {
                loopbackByte = -1;
            } else {
                long now = ctx.now();
                while (input.nextTime() <= now) {
                    input.take();
                }
            }
        }
        fcr = b & 0xC9; // FIFO enable, DMA mode, trigger level; clear bits are self-clearing
    }

    @Override
    public byte[] saveState() {
        return DeviceState.save(TAG, out -> {
            out.writeByte(dll);
            out.writeByte(dlm);
            out.writeByte(ier);
            out.writeByte(lcr);
            out.writeByte(mcr);
            out.writeByte(scr);
            out.writeByte(fcr);
            out.writeBoolean(thrEmptyPending);
            out.writeShort(loopbackByte);
            out.writeLong(input.position());
        });
    }

    @Override
    public void restoreState(byte[] state) {
        DeviceState.restore(TAG, state, in -> {
            int[] regs = new int[7];
            for (int i = 0; i < regs.length; i++) {
                regs[i] = in.readUnsignedByte();
            }
            boolean thre = in.readBoolean();
            int loop = in.readShort();
            long position = in.readLong();
            if (loop < -1 || loop > 0xFF) {
                throw new IllegalArgumentException("device state for '" + TAG + "': bad loopback byte " + loop);
            }
            return () -> {
                input.seek(position);
                dll = regs[0];
                dlm = regs[1];
                ier = regs[2];
                lcr = regs[3];
                mcr = regs[4];
                scr = regs[5];
                fcr = regs[6];
                thrEmptyPending = thre;
                loopbackByte = loop;
            };
        });
    }
}
