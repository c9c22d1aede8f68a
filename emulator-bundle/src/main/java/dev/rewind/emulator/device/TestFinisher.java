package dev.rewind.emulator.device;

/**
 * The SiFive test finisher ({@code sifive_test} in QEMU's {@code virt}, at 0x10_0000): a write to offset 0
 * ends the run. Low 16 bits 0x5555 = pass (exit 0), 0x3333 = fail with exit code {@code value >>> 16}, 0x7777
 * = reset, treated as pass (exit 0). Other values are ignored, reads return 0. Writes of 4 or 8 bytes (low 32
 * bits used) and 2 bytes (status only; 0x3333 then exits with code 0) are accepted. The device has no state.
 */
public final class TestFinisher extends DeviceWindow {

    public static final long SIZE = 0x1000;
    public static final int PASS = 0x5555;
    public static final int FAIL = 0x3333;
    public static final int RESET = 0x7777;
    private static final String TAG = "test-finisher/1";


    public TestFinisher(long base) {
        super("test-finisher", base, SIZE);
    }

    @Override
    public long read(long offset, int size) {
        return 0;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset != 0 || size < 2) {
            return;
        }
        int word = (int) value;
        int status = word & 0xFFFF;
        switch (status) {
            case PASS, RESET -> ctx.requestExit(0);
            case FAIL -> ctx.requestExit(size == 2 ? 0 : word >>> 16);
            default -> {
                // not a finisher command: ignored, as on QEMU
            }
        }
    }

    @Override
    public byte[] saveState() {
        return DeviceState.save(TAG, out -> {
        });
    }

    @Override
    public void restoreState(byte[] state) {
        DeviceState.restore(TAG, state, in -> () -> {
        });
    }
}
