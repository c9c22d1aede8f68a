package dev.rewind.emulator.device;

import java.util.ArrayList;
import java.util.List;

/** A DeviceContext for device unit tests: settable time, recorded interrupt lines, exits and console bytes. */
final class FakeContext implements DeviceContext {

    long now;
    final int harts;
    final int[] mip;
    final List<Integer> exits = new ArrayList<>();
    final CollectingConsole console = ConsoleSink.collecting();
    int interruptCalls;

    FakeContext(int harts) {
        this.harts = harts;
        this.mip = new int[harts];
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public int hartCount() {
        return harts;
    }

    @Override
    public void setInterruptPending(int hartId, int mipBit, boolean pending) {
        interruptCalls++;
        if (pending) {
            mip[hartId] |= 1 << mipBit;
        } else {
            mip[hartId] &= ~(1 << mipBit);
        }
    }

    @Override
    public void requestExit(int exitCode) {
        exits.add(exitCode);
    }

    @Override
    public void consoleOut(byte b) {
        console.write(b);
    }

    boolean pending(int hart, int bit) {
        return (mip[hart] & 1 << bit) != 0;
    }
}
