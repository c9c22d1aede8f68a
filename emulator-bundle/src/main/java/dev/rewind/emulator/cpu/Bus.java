package dev.rewind.emulator.cpu;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.DeviceAccessException;
import dev.rewind.emulator.device.DeviceContext;
import dev.rewind.emulator.device.MemoryPort;
import dev.rewind.emulator.device.MmioDevice;
import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.mem.PageFlags;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.List;

/**
 * The slow path of guest memory accesses and the machine side of devices: MMIO dispatch, watchpoints,
 * LR/SC reservations, decoded-code invalidation, HTIF notification, atomics. Ordinary misaligned loads
 * and stores are performed (also across pages); misaligned MMIO accesses and misaligned LR/SC/AMOs trap.
 * After anything that may change interrupt state or needs the machine's attention, {@link #cut} is set
 * so the interpreter ends the current block right after the instruction.
 */
public final class Bus implements DeviceContext, MemoryPort {

    private final PhysicalMemory mem;
    private final CodeCache code;
    private final Hart[] harts;
    private final MmioDevice[] devices;
    private final ConsoleSink console;
    final Watchpoints watch;
    private long tohost = -1;
    private Runnable tohostHook;

    /** End the current block after the current instruction. */
    boolean cut;
    /** Virtual time at the start of the current block and index of the current instruction in it. */
    long blockTime;
    int idx;
    boolean exitRequested;
    int exitCode;

    public Bus(PhysicalMemory mem, CodeCache code, Hart[] harts, List<MmioDevice> devices, ConsoleSink console) {
        this.mem = mem;
        this.code = code;
        this.harts = harts;
        this.devices = devices.toArray(MmioDevice[]::new);
        this.console = console;
        this.watch = new Watchpoints(mem);
    }

    public Watchpoints watchpoints() {
        return watch;
    }

    /** Routes stores that touch the 8 bytes at {@code addr} to {@code hook} (HTIF). */
    public void setTohost(long addr, Runnable hook) {
        if (tohost >= 0 && mem.contains(tohost, 8)) {
            mem.setFlag(mem.pageOf(tohost), PageFlags.HTIF, false);
            mem.setFlag(mem.pageOf(tohost + 7), PageFlags.HTIF, false);
        }
        tohost = addr;
        tohostHook = hook;
        if (addr >= 0 && mem.contains(addr, 8)) {
            mem.setFlag(mem.pageOf(addr), PageFlags.HTIF, true);
            mem.setFlag(mem.pageOf(addr + 7), PageFlags.HTIF, true);
        }
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public int exitCode() {
        return exitCode;
    }

    public void clearExit() {
        exitRequested = false;
        exitCode = 0;
    }

    /** The device whose window holds {@code [addr, addr+len)}, or null. */
    public MmioDevice deviceAt(long addr, int len) {
        return device(addr, len);
    }

    /** Sets the virtual time devices see between instructions (at a block or slice boundary). */
    public void setTime(long t) {
        blockTime = t;
        idx = 0;
    }

    MmioDevice device(long addr, int len) {
        for (MmioDevice d : devices) {
            long off = addr - d.base();
            if (off >= 0 && off <= d.size() - len) {
                return d;
            }
        }
        return null;
    }

    long load(Hart h, long addr, int len) {
        boolean guarded = h.checked();
        if (guarded) {
            GuestChecks.load(h, addr, len);
        }
        if (mem.contains(addr, len)) {
            long v = mem.read(addr, len);
            if (guarded) {
                GuestChecks.loaded(h, addr, len, v);
            }
            if (((mem.flags(mem.pageOf(addr)) | mem.flags(mem.pageOf(addr + len - 1))) & PageFlags.WATCH_READ) != 0
                    && watch.check(h.id, addr, len, v, false)) {
                cut = true;
            }
            return v;
        }
        MmioDevice d = device(addr, len);
        if (d == null || (addr & (len - 1)) != 0) {
            throw h.trap.set(Trap.LOAD_ACCESS, addr);
        }
        try {
            long v = d.read(addr - d.base(), len);
            cut = true;
            if (guarded) {
                GuestChecks.loaded(h, addr, len, v);
            }
            return v;
        } catch (DeviceAccessException e) {
            throw h.trap.set(Trap.LOAD_ACCESS, addr);
        }
    }

    void store(Hart h, long addr, int len, long value) {
        if (h.checked()) {
            GuestChecks.store(h, addr, len, value);
        }
        if (mem.contains(addr, len)) {
            int p0 = mem.pageOf(addr);
            int p1 = mem.pageOf(addr + len - 1);
            int f = mem.flags(p0) | mem.flags(p1);
            if ((f & PageFlags.CODE) != 0) {
                code.invalidatePage(p0);
                code.invalidatePage(p1);
                cut = true;
            }
            if ((f & PageFlags.RESERVATION) != 0) {
                breakReservations(h, addr, len);
            }
            mem.write(addr, len, value);
            if ((f & PageFlags.WATCH_WRITE) != 0 && watch.check(h.id, addr, len, value, true)) {
                cut = true;
            }
            if ((f & PageFlags.HTIF) != 0 && addr < tohost + 8 && tohost < addr + len) {
                cut = true;
                tohostHook.run();
            }
            return;
        }
        MmioDevice d = device(addr, len);
        if (d == null || (addr & (len - 1)) != 0) {
            throw h.trap.set(Trap.STORE_ACCESS, addr);
        }
        try {
            d.write(addr - d.base(), len, value);
            cut = true;
        } catch (DeviceAccessException e) {
            throw h.trap.set(Trap.STORE_ACCESS, addr);
        }
    }

    /** LR/SC/AMO: returns the value for rd (sign-extended for .W). */
    long amo(Hart h, int op, long addr, long src) {
        boolean dword = op >= Op.LR_D;
        int len = dword ? 8 : 4;
        boolean lr = op == Op.LR_W || op == Op.LR_D;
        boolean sc = op == Op.SC_W || op == Op.SC_D;
        boolean guarded = h.checked();
        if (guarded) {
            GuestChecks.atomicTriggers(h, addr, len, lr, sc, src);
        }
        if ((addr & (len - 1)) != 0) {
            throw h.trap.set(lr ? Trap.LOAD_MISALIGNED : Trap.STORE_MISALIGNED, addr);
        }
        if (guarded) {
            GuestChecks.atomicAccess(h, addr, len, lr, sc);
        }
        if (!mem.contains(addr, len)) {
            throw h.trap.set(lr ? Trap.LOAD_ACCESS : Trap.STORE_ACCESS, addr);
        }
        if (sc) {
            boolean ok = h.resAddr == addr && h.resLen == len;
            clearReservation(h);
            if (ok) {
                store(h, addr, len, src);
                return 0;
            }
            return 1;
        }
        long old = load(h, addr, len);
        if (!dword) {
            old = (int) old;
            src = (int) src;
        }
        if (lr) {
            clearReservation(h);
            h.resAddr = addr;
            h.resLen = len;
            mem.setFlag(mem.pageOf(addr), PageFlags.RESERVATION, true);
            return old;
        }
        int base = dword ? op - Op.AMOSWAP_D : op - Op.AMOSWAP_W;
        long nv = switch (base) {
            case 0 -> src;
            case 1 -> old + src;
            case 2 -> old ^ src;
            case 3 -> old & src;
            case 4 -> old | src;
            case 5 -> Math.min(old, src);
            case 6 -> Math.max(old, src);
            case 7 -> Long.compareUnsigned(old, src) < 0 ? old : src;
            default -> Long.compareUnsigned(old, src) > 0 ? old : src;
        };
        store(h, addr, len, nv);
        return old;
    }

    /** Breaks the reservations of all harts except {@code h} (null: all) that overlap the stored bytes. */
    void breakReservations(Hart h, long addr, int len) {
        for (Hart o : harts) {
            if (o != h && o.resAddr >= 0 && o.resAddr < addr + len && addr < o.resAddr + o.resLen) {
                clearReservation(o);
            }
        }
    }

    void clearReservation(Hart h) {
        if (h.resAddr < 0) {
            return;
        }
        int p = mem.pageOf(h.resAddr);
        h.resAddr = -1;
        h.resLen = 0;
        refreshReservationFlag(p);
    }

    /** Recomputes the RESERVATION flag of every page from the harts' reservations. */
    public void refreshReservationFlags() {
        for (int p = 0; p < mem.pageCount(); p++) {
            if ((mem.flags(p) & PageFlags.RESERVATION) != 0) {
                mem.setFlag(p, PageFlags.RESERVATION, false);
            }
        }
        for (Hart o : harts) {
            if (o.resAddr >= 0) {
                mem.setFlag(mem.pageOf(o.resAddr), PageFlags.RESERVATION, true);
            }
        }
    }

    private void refreshReservationFlag(int p) {
        boolean any = false;
        for (Hart o : harts) {
            any |= o.resAddr >= 0 && mem.pageOf(o.resAddr) == p;
        }
        mem.setFlag(p, PageFlags.RESERVATION, any);
    }

    /** Debugger/loader write into RAM: invalidates decoded code and breaks every overlapping reservation. */
    public void debugWrite(long addr, byte[] src, int off, int len) {
        if (len == 0) {
            return;
        }
        for (int p = mem.pageOf(addr); p <= mem.pageOf(addr + len - 1); p++) {
            code.invalidatePage(p);
        }
        breakReservations(null, addr, len);
        mem.writeBytes(addr, src, off, len);
    }

    // ---- DeviceContext ----
    @Override
    public long now() {
        return blockTime + idx;
    }

    @Override
    public int hartCount() {
        return harts.length;
    }

    @Override
    public void setInterruptPending(int hartId, int mipBit, boolean pending) {
        harts[hartId].setInterruptPending(mipBit, pending);
    }

    @Override
    public void requestExit(int code) {
        if (!exitRequested) {
            exitRequested = true;
            exitCode = code;
        }
        cut = true;
    }

    @Override
    public void consoleOut(byte b) {
        console.write(b);
    }

    // ---- MemoryPort (RAM only, for HTIF) ----
    @Override
    public long read(long addr, int size) {
        if (!mem.contains(addr, size)) {
            throw new IllegalArgumentException("address outside RAM: 0x" + Long.toHexString(addr));
        }
        return mem.read(addr, size);
    }

    @Override
    public void write(long addr, int size, long value) {
        if (!mem.contains(addr, size)) {
            throw new IllegalArgumentException("address outside RAM: 0x" + Long.toHexString(addr));
        }
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        debugWrite(addr, b, 0, size);
    }
}
