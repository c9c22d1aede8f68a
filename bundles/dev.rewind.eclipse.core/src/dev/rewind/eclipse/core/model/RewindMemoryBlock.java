package dev.rewind.eclipse.core.model;

import dev.rewind.debug.MemoryRead;
import dev.rewind.eclipse.core.Futures;
import java.util.Arrays;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlock;

/** A window of guest physical memory for the Memory view; bytes that cannot be read show as zeros. */
public final class RewindMemoryBlock extends RewindDebugElement implements IMemoryBlock {

    static final int MAX_LENGTH = 1 << 20;

    private final long start;
    private final long length;

    RewindMemoryBlock(RewindDebugTarget target, long start, long length) {
        super(target);
        this.start = start;
        this.length = Math.min(Math.max(length, 0), MAX_LENGTH);
    }

    @Override
    public long getStartAddress() {
        return start;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public byte[] getBytes() throws DebugException {
        MemoryRead m = Futures.await(rewindTarget().session().readMemory(start, (int) length),
                "reading memory at 0x" + Long.toHexString(start));
        return m.data().length == length ? m.data() : Arrays.copyOf(m.data(), (int) length);
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        Futures.await(rewindTarget().session().writeMemory(start + offset, bytes),
                "writing memory at 0x" + Long.toHexString(start + offset));
    }
}
