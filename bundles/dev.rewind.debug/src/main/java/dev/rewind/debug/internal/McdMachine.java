package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.client.OpenCores;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdTxlistException;
import dev.rewind.mcd.api.RegisterGroup;
import dev.rewind.mcd.api.RegisterInfo;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxList;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine as the MCD API shows it: one open core per hart, the physical memory space, the register map
 * (GDB-numbered addresses in the register space) and each core's time-travel extension. Only the session's
 * executor calls it, except {@link #stop()}.
 */
final class McdMachine {
    private final McdApi api;
    private final List<McdCore> cores = new ArrayList<>();
    private final List<RegisterInfo> registerInfo = new ArrayList<>();
    private final int memSpace;
    private final int xlen;

    McdMachine(McdApi api) throws McdException {
        this.api = api;
        OpenCores open = OpenCores.open(api);
        cores.addAll(open.cores());
        McdCore first = cores.get(0);
        memSpace = open.physicalSpace();
        int bits = 32;
        for (RegisterGroup g : first.qryRegGroups(0, first.qryRegGroups(0, 0).count()).items()) {
            int count = first.qryRegMap(g.regGroupId(), 0, 0).count();
            if (count > 0) {
                for (RegisterInfo r : first.qryRegMap(g.regGroupId(), 0, count).items()) {
                    registerInfo.add(r);
                    bits = r.regSize();
                }
            }
        }
        registerInfo.sort((a, b) -> Long.compare(a.addr().address(), b.addr().address()));
        xlen = bits;
        latest = new CoreState[cores.size()];
        for (int h = 0; h < cores.size(); h++) {
            int hart = h;
            latest[h] = cores.get(h).qryState();
            cores.get(h).addEventListener((core, events, state) -> {
                if (events != 0) { // a run's start reports no event and may arrive after its stop
                    latest[hart] = state;
                }
            });
        }
    }

    /**
     * Each core's state as its last event reported it. The session reads these instead of mcd_qry_state_f, which
     * would consume the event bits other MCD clients of the same machine poll for.
     */
    private final CoreState[] latest;

    int harts() {
        return cores.size();
    }

    int xlen() {
        return xlen;
    }

    McdCore core(int hart) {
        if (hart < 0 || hart >= cores.size()) {
            throw new DebugException("no hart " + hart + " (harts 0.." + (cores.size() - 1) + ")");
        }
        return cores.get(hart);
    }

    /** The registers, as the project's register table names them (via the MCD register map). */
    List<Register> registers() {
        List<Register> out = new ArrayList<>();
        for (RegisterInfo r : registerInfo) {
            int number = (int) r.addr().address();
            Register.Kind kind = number < Register.PC ? Register.Kind.GENERAL
                    : number == Register.PC ? Register.Kind.PC : Register.Kind.CSR;
            out.add(new Register(number, r.regName(), kind, r.regSize()));
        }
        return out;
    }

    private RegisterInfo info(Register r) {
        for (RegisterInfo i : registerInfo) {
            if (i.addr().address() == r.number()) {
                return i;
            }
        }
        throw new DebugException("no register " + r.name() + " (number " + r.number() + ")");
    }

    long[] readRegisters(int hart, List<Register> regs) throws McdException {
        List<Tx> txs = new ArrayList<>();
        for (Register r : regs) {
            RegisterInfo i = info(r);
            txs.add(Tx.read(i.addr(), i.regSize() / 8));
        }
        TxList done = core(hart).executeTxlist(new TxList(txs, 0));
        long[] values = new long[regs.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Bytes.littleEndian(done.tx().get(k).data());
        }
        return values;
    }

    long readRegister(int hart, int number) throws McdException {
        for (RegisterInfo i : registerInfo) {
            if (i.addr().address() == number) {
                TxList done = core(hart).executeTxlist(TxList.of(Tx.read(i.addr(), i.regSize() / 8)));
                return Bytes.littleEndian(done.tx().get(0).data());
            }
        }
        throw new DebugException("no register number " + number);
    }

    long pc(int hart) throws McdException {
        return readRegister(hart, Register.PC);
    }

    void writeRegister(int hart, Register r, long value) throws McdException {
        RegisterInfo i = info(r);
        core(hart).executeTxlist(TxList.of(Tx.write(i.addr(), Bytes.toLittleEndian(value, i.regSize() / 8))));
    }

    /** Reads memory; on a failure, narrows down to the readable prefix. */
    MemoryRead readMemory(long address, int length) {
        try {
            TxList r = cores.get(0).executeTxlist(TxList.of(Tx.read(Addr.of(memSpace, address), length)));
            return new MemoryRead(address, r.tx().get(0).data(), length, null);
        } catch (McdTxlistException e) {
            return prefix(address, length, e.getMessage());
        } catch (McdException e) {
            return prefix(address, length, e.getMessage());
        }
    }

    private MemoryRead prefix(long address, int length, String error) {
        int lo = 0;
        int hi = length;
        while (lo < hi) { // the longest readable prefix: reads of [address, address+mid) succeed for mid <= answer
            int mid = (lo + hi + 1) >>> 1;
            try {
                cores.get(0).executeTxlist(TxList.of(Tx.read(Addr.of(memSpace, address), mid)));
                lo = mid;
            } catch (McdException e) {
                hi = mid - 1;
            }
        }
        byte[] data = new byte[0];
        if (lo > 0) {
            try {
                data = cores.get(0).executeTxlist(TxList.of(Tx.read(Addr.of(memSpace, address), lo))).tx().get(0)
                        .data();
            } catch (McdException e) {
                return new MemoryRead(address, new byte[0], length, e.getMessage());
            }
        }
        return new MemoryRead(address, data, length, "cannot read memory at 0x" + Long.toHexString(address + lo)
                + ": " + error);
    }

    void writeMemory(long address, byte[] data) throws McdException {
        cores.get(0).executeTxlist(TxList.of(Tx.write(Addr.of(memSpace, address), data)));
    }

    /** The memory map, from the MCD memory blocks of the physical space. */
    List<dev.rewind.debug.MemoryRegion> memoryRegions() throws McdException {
        McdCore c = cores.get(0);
        List<dev.rewind.debug.MemoryRegion> out = new ArrayList<>();
        int n = c.qryMemBlocks(memSpace, 0, 0).count();
        for (dev.rewind.mcd.api.MemBlock b : c.qryMemBlocks(memSpace, 0, n).items()) {
            dev.rewind.debug.MemoryRegion.Kind kind = b.memBlockName().equalsIgnoreCase("ram")
                    ? dev.rewind.debug.MemoryRegion.Kind.RAM : b.memBlockName().equalsIgnoreCase("rom")
                    ? dev.rewind.debug.MemoryRegion.Kind.ROM : dev.rewind.debug.MemoryRegion.Kind.DEVICE;
            out.add(new dev.rewind.debug.MemoryRegion(b.startAddr(), b.endAddr() - b.startAddr() + 1, kind,
                    b.memBlockName()));
        }
        return List.copyOf(out);
    }

    /** System reset (class 0) with halt. */
    void resetSystem() throws McdException {
        cores.get(0).rst(1, true);
    }

    /** Instruction text, from the MCD disassembly extension. */
    dev.rewind.mcd.disasm.Disassembly disassembly() {
        return cores.get(0).adapt(dev.rewind.mcd.disasm.Disassembly.class)
                .orElseThrow(() -> new DebugException("this MCD back end offers no disassembly"));
    }

    int memSpace() {
        return memSpace;
    }

    long time() throws McdException {
        return cores.get(0).qryCurrentTime();
    }

    CoreState state(int hart) {
        core(hart);
        return latest[hart];
    }

    Optional<TimeTravel> travel(int hart) {
        return core(hart).adapt(TimeTravel.class).filter(TimeTravel::available);
    }

    /**
     * Holds harts (bit i = hart i) in the next global runs and steps (the MCD back end's time-travel extension).
     *
     * @throws DebugException if the back end cannot hold harts
     */
    void hold(long mask) throws McdException {
        TimeTravel tt = cores.get(0).adapt(TimeTravel.class).orElse(null);
        if (tt == null) {
            if (mask != 0) {
                throw new DebugException("this MCD back end cannot hold harts");
            }
            return;
        }
        if (tt.holdMask() != mask) {
            tt.hold(mask);
        }
    }

    /** The harts the machine holds now (bit i = hart i): set by the last run, or history's at this time. */
    long held() throws McdException {
        TimeTravel tt = cores.get(0).adapt(TimeTravel.class).orElse(null);
        return tt == null ? 0 : tt.held();
    }

    /** Cancels a backward search running on another thread (it returns where it started); does not wait. */
    void cancelTravel() {
        for (McdCore c : cores) {
            c.adapt(TimeTravel.class).ifPresent(TimeTravel::cancel);
        }
    }

    /** Stops a running machine; safe from any thread. */
    void stop() throws McdException {
        cores.get(0).stop(true);
    }

    void exit() {
        api.exit();
    }
}
