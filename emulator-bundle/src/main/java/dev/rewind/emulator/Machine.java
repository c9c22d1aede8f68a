package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.cpu.CodeCache;
import dev.rewind.emulator.cpu.Csrs;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.cpu.Instrumentation;
import dev.rewind.emulator.cpu.Interpreter;
import dev.rewind.emulator.device.Clint;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.device.MmioDevice;
import dev.rewind.emulator.device.TestFinisher;
import dev.rewind.emulator.device.Plic;
import dev.rewind.emulator.device.Uart16550;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.List;

/**
 * A deterministic multi-hart RISC-V machine with the QEMU {@code virt} memory map (test finisher, CLINT,
 * UART 16550, RAM at 0x8000_0000). Virtual time is the number of scheduler slots executed: each slot is
 * one instruction retired or one exception taken by some hart; mtime and the time CSR read it. Harts run
 * round-robin in quanta; a hart in WFI is skipped, and when all sleep time jumps to the next device event.
 * Not thread-safe except {@link #requestStop()}.
 */
public final class Machine {

    private final MachineConfig cfg;
    private final PhysicalMemory mem;
    private final CodeCache code;
    private final Hart[] harts;
    private final Bus bus;
    private final Interpreter interp;
    private final Scheduler sched;
    private final Checkpoints checkpoints;
    private final dev.rewind.emulator.plugin.PluginHost plugins;

    public Machine(MachineConfig cfg, ConsoleSink console, InputSource input) {
        this.cfg = cfg;
        this.mem = new PhysicalMemory(MachineConfig.RAM_BASE, cfg.ramSize());
        this.code = new CodeCache(mem, cfg.xlen());
        this.plugins = new dev.rewind.emulator.plugin.PluginHost(cfg.harts(), cfg.xlen());
        code.setPluginHost(plugins);
        plugins.onInvalidate(code::invalidateAll);
        this.harts = new Hart[cfg.harts()];
        for (int i = 0; i < harts.length; i++) {
            harts[i] = new Hart(i, cfg.xlen());
        }
        Plic plic = new Plic(MachineConfig.PLIC_BASE, cfg.harts());
        List<MmioDevice> devices = List.of(new TestFinisher(MachineConfig.FINISHER_BASE),
                new Clint(MachineConfig.CLINT_BASE), plic,
                new Uart16550(MachineConfig.UART_BASE, input, plic.line(MachineConfig.UART_IRQ)));
        this.bus = new Bus(mem, code, harts, devices, console);
        for (MmioDevice d : devices) {
            d.attach(bus);
        }
        this.interp = new Interpreter(bus, code, mem, harts.length);
        this.sched = new Scheduler(harts, devices, bus, interp, cfg.quantum(), plugins);
        plugins.clock(sched::time);
        this.checkpoints = new Checkpoints(cfg, mem, code, harts, devices, bus, interp, sched);
    }

    public MachineConfig config() {
        return cfg;
    }

    /**
     * Loads an ELF image into RAM and resets every hart to its entry (a0 = mhartid, a1 = 0). Wires HTIF
     * when the image has a {@code tohost} symbol.
     *
     * @throws LoadException when the image's xlen differs or a segment lies outside RAM
     */
    public void load(ElfImage image) {
        ImageLoader.load(image, cfg, mem, bus, harts, checkpoints, sched);
    }

    /**
     * The machine's plugin host: install and uninstall {@link dev.rewind.plugin.api.RewindPlugin}s on the machine's
     * thread while it is stopped, or {@link dev.rewind.emulator.plugin.PluginHost#request} from any thread.
     */
    public dev.rewind.emulator.plugin.PluginHost plugins() {
        return plugins;
    }

    /** Runs until {@code maxInstructions} more slots of virtual time have passed (or another stop). */
    public RunResult run(long maxInstructions) {
        if (maxInstructions < 0) {
            throw new IllegalArgumentException("maxInstructions must not be negative");
        }
        long now = sched.time();
        long limit = now + maxInstructions < now ? Long.MAX_VALUE : now + maxInstructions;
        return sched.runUntil(limit, -1, -1, StopReason.LIMIT_REACHED);
    }

    /** Runs until virtual time {@code t} (or another stop). */
    public RunResult runUntilTime(long t) {
        return sched.runUntil(Math.max(t, sched.time()), -1, -1, StopReason.TIME_REACHED);
    }

    /** Runs the whole machine until hart {@code hart} retires one more instruction. */
    public RunResult stepHart(int hart) {
        checkHart(hart);
        return sched.runUntil(Long.MAX_VALUE, hart, harts[hart].retired() + 1, StopReason.STEP_DONE);
    }

    /**
     * Runs the whole machine until hart {@code hart} has retired {@code count} instructions in total (or another
     * stop), at full speed; returns STEP_DONE at once if it already has. Used by time travel to find a hart's
     * retirement times by replay.
     */
    public RunResult runUntilRetired(int hart, long count) {
        return runUntilRetired(hart, count, Long.MAX_VALUE);
    }

    /** {@link #runUntilRetired(int, long)}, stopping with TIME_REACHED at virtual time {@code t} if that is first. */
    public RunResult runUntilRetired(int hart, long count, long t) {
        checkHart(hart);
        return sched.runUntil(Math.max(t, sched.time()), hart, count, StopReason.TIME_REACHED);
    }

    /** Asks a running machine to stop soon (at a deterministic slot boundary); callable from any thread. */
    public void requestStop() {
        sched.requestStop();
    }

    /** Withdraws a {@link #requestStop()} that no run has consumed yet; callable from any thread. */
    public void clearStopRequest() {
        sched.clearStopRequest();
    }

    /**
     * Resuming at a breakpoint: the next forward execution of {@code hart} executes the instruction at its current
     * pc without reporting a breakpoint there, exactly as when resuming after a breakpoint stop of that hart (GDB:
     * a thread resumed at a breakpoint address steps over it). No effect if the pc holds no breakpoint; cleared
     * by {@link #restore} and once the hart executes anything.
     */
    public void stepOverBreakpoint(int hart) {
        checkHart(hart);
        interp.skipBreakpointOnce(hart, harts[hart].pc());
    }

    // ---- state access ----

    public long time() {
        return sched.time();
    }

    public int hartCount() {
        return harts.length;
    }

    public long retired(int hart) {
        checkHart(hart);
        return harts[hart].retired();
    }

    /** The live hart (registers, pc, privilege): read and modify it only while the machine is stopped. */
    public Hart hart(int hart) {
        checkHart(hart);
        return harts[hart];
    }

    public long readCsr(int hart, int csr) {
        return Csrs.debugRead(hart(hart), csr, sched.time());
    }

    public void writeCsr(int hart, int csr, long value) {
        Csrs.debugWrite(hart(hart), csr, value, sched.time());
    }

    /**
     * Holds harts: the scheduler skips a held hart as it skips one asleep in WFI (its state does not change; devices
     * and virtual time go on while other harts run). Bit i of {@code mask} holds hart i; 0 holds none (the default).
     * When every hart is held, or every hart not held sleeps with no device event pending, a run stops at once with
     * {@link StopReason#DEADLOCK} (a message says which); so does stepping a held hart. The held set is machine state:
     * snapshots and {@link #stateHash()} include it. Set it only while the machine is stopped; with history, change
     * it through the time machine ({@code TimeMachine.hold}) so that it is logged.
     *
     * @throws IllegalArgumentException if the mask names a hart the machine does not have
     */
    public void setHeld(long mask) {
        if (harts.length < 64 && mask >>> harts.length != 0) {
            throw new IllegalArgumentException(String.format("hold mask 0x%x names harts the %d-hart machine does not "
                    + "have", mask, harts.length));
        }
        sched.setHeld(mask);
    }

    /** The held harts: bit i set when hart i is held (see {@link #setHeld(long)}). */
    public long held() {
        return sched.held();
    }

    /** The hart the scheduler runs next and the slots left in its quantum. */
    public int currentHart() {
        return sched.current();
    }

    public long slotsLeftInQuantum() {
        return sched.slotsLeft();
    }

    /** Slices the scheduler has run (tests: WarmSliceTest). */
    long slices() {
        return sched.slices();
    }

    private void checkHart(int hart) {
        if (hart < 0 || hart >= harts.length) {
            throw new IllegalArgumentException("no hart " + hart + " (machine has " + harts.length + ")");
        }
    }

    public void readMemory(long addr, byte[] dst, int off, int len) {
        DebugMemory.read(mem, bus, addr, dst, off, len);
    }

    public void writeMemory(long addr, byte[] src, int off, int len) {
        DebugMemory.write(mem, bus, addr, src, off, len);
    }

    // ---- debugging and instrumentation ----

    public boolean addBreakpoint(long pc) {
        return code.addBreakpoint(pc);
    }

    public boolean removeBreakpoint(long pc) {
        return code.removeBreakpoint(pc);
    }

    public List<Long> breakpoints() {
        return code.breakpoints();
    }

    public void addWatchpoint(long addr, long len, WatchKind kind) {
        bus.watchpoints().add(addr, len, kind);
    }

    public boolean removeWatchpoint(long addr, long len, WatchKind kind) {
        return bus.watchpoints().remove(addr, len, kind);
    }

    public void addInstrumentation(Instrumentation i) {
        code.addInstrumentation(i);
    }

    public void removeInstrumentation(Instrumentation i) {
        code.removeInstrumentation(i);
    }

    /**
     * Turns the bytecode translator on or off (default on; {@code -Drewind.jit=false} turns it off) and sets
     * how often a block runs before it is translated. Execution and state hashes are identical either way.
     */
    public void setTranslation(boolean enabled, int threshold) {
        interp.setTranslation(enabled, threshold);
    }

    /**
     * Translated regions made from now on check their budget at loop headers and entries only (one hart, regions with
     * calls: an indirect jump; default off, {@code -Drewind.jit.sparse=true}). Execution and state hashes are identical
     * either way.
     */
    public void setSparseBudgetChecks(boolean on) {
        interp.setSparseBudgetChecks(on);
    }

    /**
     * Translated regions made from now on are bound to this machine's memory (its tag tables and RAM array are
     * constants of their classes: faster loops, but classes of this machine only) or shared with the JVM's other
     * machines (default: bound on one-hart machines; {@code -Drewind.jit.bind=false}: shared). Execution and state
     * hashes are identical either way.
     */
    public void setBoundTranslation(boolean on) {
        interp.setBoundTranslation(on);
    }

    /** Translator counters: regions translated, blocks covered, failed translations, regions on several pages. */
    public long[] translationCounts() {
        return interp.translationCounts();
    }

    // ---- snapshots ----

    public MachineSnapshot snapshot() {
        return checkpoints.snapshot();
    }

    /**
     * A light checkpoint for going back a short way: saves harts, devices and scheduler now, and the old contents
     * of each RAM page at its first store from now on (instead of a snapshot's copy of every page written since
     * the last one). One at a time; {@link #snapshot()} and {@link #restore} drop it.
     */
    public void mark() {
        checkpoints.mark();
    }

    /**
     * Brings the machine back to the {@link #mark()} exactly, and drops the mark.
     *
     * @throws IllegalStateException if there is no mark
     */
    public void rollbackToMark() {
        checkpoints.rollbackToMark();
    }

    /** Forgets the {@link #mark()}, if any; the machine stays as it is. */
    public void dropMark() {
        checkpoints.dropMark();
    }

    public void restore(MachineSnapshot s) {
        checkpoints.restore(s);
    }

    /** Deterministic hash of harts, devices, RAM and scheduler state. */
    public long stateHash() {
        return checkpoints.stateHash();
    }
}
