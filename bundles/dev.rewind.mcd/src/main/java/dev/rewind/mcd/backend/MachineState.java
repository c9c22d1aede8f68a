package dev.rewind.mcd.backend;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.travel.TimeMachine;

/**
 * The machine's state as the {@link Engine} shows it: reads straight from the machine, writes (registers, memory,
 * input) through the {@link TimeMachine}, so that history logs them; breakpoints and watchpoints on the machine.
 */
abstract class MachineState implements Engine {
    final TimeMachine tm;
    final Machine machine;

    MachineState(TimeMachine tm) {
        this.tm = tm;
        this.machine = tm.machine();
    }

    @Override
    public int xlen() {
        return machine.config().xlen();
    }

    @Override
    public int harts() {
        return machine.hartCount();
    }

    @Override
    public long ramBase() {
        return MachineConfig.RAM_BASE;
    }

    @Override
    public long ramSize() {
        return machine.config().ramSize();
    }

    @Override
    public long reg(int hart, int r) {
        return machine.hart(hart).reg(r);
    }

    @Override
    public void setReg(int hart, int r, long v) {
        tm.setRegister(hart, r, v);
    }

    @Override
    public long pc(int hart) {
        return machine.hart(hart).pc();
    }

    @Override
    public void setPc(int hart, long v) {
        tm.setPc(hart, v);
    }

    @Override
    public long csr(int hart, int number) {
        return machine.readCsr(hart, number);
    }

    @Override
    public void setCsr(int hart, int number, long value) {
        tm.writeCsr(hart, number, value);
    }

    @Override
    public void readMemory(long addr, byte[] dst, int off, int len) {
        machine.readMemory(addr, dst, off, len);
    }

    @Override
    public void writeMemory(long addr, byte[] src, int off, int len) {
        tm.writeMemory(addr, src, off, len);
    }

    @Override
    public void sendInput(byte[] data) {
        tm.input().ifPresent(log -> log.truncateAfter(tm.time())); // input of an opened recording's future
        tm.sendInput(data);
    }

    @Override
    public void breakpoint(long pc, boolean on) {
        if (on) {
            machine.addBreakpoint(pc);
        } else {
            machine.removeBreakpoint(pc);
        }
    }

    @Override
    public void watchpoint(long addr, long len, int kind, boolean on) {
        WatchKind k = EngineStops.watchKind(kind);
        if (on) {
            machine.addWatchpoint(addr, len, k);
        } else {
            machine.removeWatchpoint(addr, len, k);
        }
    }

    @Override
    public long stateHash() {
        return machine.stateHash();
    }
}
