package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.device.DeviceAccessException;
import dev.rewind.emulator.device.MmioDevice;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.Objects;

/** Debugger access to physical memory: RAM directly, device windows through naturally sized accesses. */
final class DebugMemory {
    private DebugMemory() {
    }

    static void read(PhysicalMemory mem, Bus bus, long addr, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (mem.contains(addr, len)) {
            mem.readBytes(addr, dst, off, len);
            return;
        }
        MmioDevice d = device(bus, addr, len);
        try {
            for (int i = 0; i < len; ) {
                int n = chunk(addr + i, len - i);
                long v = d.read(addr + i - d.base(), n);
                for (int b = 0; b < n; b++) {
                    dst[off + i + b] = (byte) (v >>> (8 * b));
                }
                i += n;
            }
        } catch (DeviceAccessException e) {
            throw new IllegalArgumentException("device " + d.name() + " refused the read: " + e.getMessage(), e);
        }
    }

    static void write(PhysicalMemory mem, Bus bus, long addr, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (mem.contains(addr, len)) {
            bus.debugWrite(addr, src, off, len);
            return;
        }
        MmioDevice d = device(bus, addr, len);
        try {
            for (int i = 0; i < len; ) {
                int n = chunk(addr + i, len - i);
                long v = 0;
                for (int b = 0; b < n; b++) {
                    v |= (src[off + i + b] & 0xFFL) << (8 * b);
                }
                d.write(addr + i - d.base(), n, v);
                i += n;
            }
        } catch (DeviceAccessException e) {
            throw new IllegalArgumentException("device " + d.name() + " refused the write: " + e.getMessage(), e);
        }
    }

    private static MmioDevice device(Bus bus, long addr, int len) {
        MmioDevice d = bus.deviceAt(addr, Math.max(len, 1));
        if (d == null) {
            throw new IllegalArgumentException(String.format("0x%x+%d is neither RAM nor a device window", addr, len));
        }
        return d;
    }

    private static int chunk(long addr, int left) {
        for (int n = 8; n > 1; n >>= 1) {
            if (left >= n && (addr & (n - 1)) == 0) {
                return n;
            }
        }
        return 1;
    }
}
