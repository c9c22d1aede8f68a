package dev.rewind.emulator.device;

import java.util.Objects;

/**
 * Spike's host-target interface over the ELF symbols {@code tohost}/{@code fromhost}, ordinary 64-bit words in
 * RAM. The machine calls {@link #onTohostWrite()} after every store that touches the 8 bytes at
 * {@code tohost}. A non-zero {@code tohost} value is a command {@code device << 56 | command << 48 | payload}
 * (48-bit payload); Htif clears {@code tohost} to 0, then:
 * <ul>
 * <li>device 0 with an odd payload: exit with code {@code payload >>> 1} (so 1 = pass, {@code n << 1 | 1} = test
 * {@code n} failed, as riscv-tests' {@code RVTEST_PASS}/{@code RVTEST_FAIL} write);</li>
 * <li>device 0 with an even payload: a system call block ({@code magic_mem}) of eight 64-bit words at that
 * address: word 0 the call number, words 1.. the arguments. {@code write} (64) to fd 1 or 2 goes to the
 * console, {@code exit} (93) and {@code exit_group} (94) end the run; the result (bytes written, or {@code -errno})
 * replaces word 0 and {@code fromhost} is set to 1;</li>
 * <li>device 1 command 1: console output of the payload's low byte, acknowledged with
 * {@code fromhost = 1 << 56 | 1 << 48 | 0x100 | byte};</li>
 * <li>anything else: ignored.</li>
 * </ul>
 * On RV32, which writes {@code tohost} as two 32-bit stores, write the high word first for commands that use
 * it (device 1); the exit and syscall forms have a zero high word and complete with the low store.
 * Console input (device 1 command 0) is not supported. Htif holds no state of its own: everything is in RAM.
 */
public final class Htif {

    /** Pass as {@code fromhostAddr} when the program has no {@code fromhost}: responses are then dropped. */
    public static final long NO_FROMHOST = -1L;
    public static final long SYS_WRITE = 64;
    public static final long SYS_EXIT = 93;
    public static final long SYS_EXIT_GROUP = 94;
    static final long EBADF = 9;
    static final long EFAULT = 14;
    static final long ENOSYS = 38;
    /** Largest single {@code write} accepted (bytes); longer ones are cut to this length. */
    public static final long MAX_WRITE = 1 << 20;
    private static final long PAYLOAD_MASK = (1L << 48) - 1;
    private static final String TAG = "htif/1";

    private final DeviceContext ctx;
    private final MemoryPort memory;
    private final long tohost;
    private final long fromhost;

    /**
     * @throws IllegalArgumentException when {@code tohost} (or a given {@code fromhost}) cannot be read as
     *                                  memory
     */
    public Htif(DeviceContext ctx, MemoryPort memory, long tohostAddr, long fromhostAddr) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.tohost = tohostAddr;
        this.fromhost = fromhostAddr;
        probe("tohost", tohostAddr);
        if (fromhostAddr != NO_FROMHOST) {
            probe("fromhost", fromhostAddr);
        }
    }

    private void probe(String what, long addr) {
        try {
            memory.read(addr, 8);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("HTIF %s at 0x%x is not in memory: %s", what, addr,
                    e.getMessage()), e);
        }
    }

    public long tohostAddress() {
        return tohost;
    }

    public long fromhostAddress() {
        return fromhost;
    }

    /** Handles the current {@code tohost} value (see the class description). */
    public void onTohostWrite() {
        long value = memory.read(tohost, 8);
        if (value == 0) {
            return;
        }
        memory.write(tohost, 8, 0);
        int device = (int) (value >>> 56);
        int command = (int) (value >>> 48) & 0xFF;
        long payload = value & PAYLOAD_MASK;
        if (device == 0 && command == 0) {
            if ((payload & 1) != 0) {
                ctx.requestExit((int) (payload >>> 1));
            } else {
                syscall(payload);
            }
        } else if (device == 1 && command == 1) {
            byte b = (byte) payload;
            ctx.consoleOut(b);
            respond(1L << 56 | 1L << 48 | 0x100 | (b & 0xFF));
        }
    }

    private void syscall(long block) {
        long[] words = new long[8];
        try {
            for (int i = 0; i < words.length; i++) {
                words[i] = memory.read(block + 8L * i, 8);
            }
        } catch (RuntimeException e) {
            return; // the block is not in memory: there is nowhere to put a result
        }
        long number = words[0];
        long result;
        if (number == SYS_WRITE) {
            result = write(words[1], words[2], words[3]);
        } else if (number == SYS_EXIT || number == SYS_EXIT_GROUP) {
            ctx.requestExit((int) words[1]);
            result = 0;
        } else {
            result = -ENOSYS;
        }
        memory.write(block, 8, result);
        respond(1);
    }

    private long write(long fd, long buf, long len) {
        if (fd != 1 && fd != 2) {
            return -EBADF;
        }
        long n = Long.compareUnsigned(len, MAX_WRITE) > 0 ? MAX_WRITE : len;
        long done = 0;
        try {
            for (; done < n; done++) {
                ctx.consoleOut((byte) memory.read(buf + done, 1));
            }
        } catch (RuntimeException e) {
            return done > 0 ? done : -EFAULT;
        }
        return n;
    }

    private void respond(long value) {
        if (fromhost != NO_FROMHOST) {
            memory.write(fromhost, 8, value);
        }
    }

    /** Htif keeps nothing outside RAM; the state is only a format tag, for uniformity with the devices. */
    public byte[] saveState() {
        return DeviceState.save(TAG, out -> {
        });
    }

    public void restoreState(byte[] state) {
        DeviceState.restore(TAG, state, in -> () -> {
        });
    }
}
