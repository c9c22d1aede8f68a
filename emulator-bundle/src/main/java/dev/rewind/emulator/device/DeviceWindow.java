package dev.rewind.emulator.device;

import java.util.Objects;

/**
 * The part every {@link MmioDevice} shares: its name, its window on the bus and the context it is attached to.
 * Subclasses that need more at attach time override {@link #attached()}.
 */
public abstract class DeviceWindow implements MmioDevice {

    private final String name;
    private final long base;
    private final long size;
    /** The machine's services; set by {@link #attach(DeviceContext)} before any access. */
    protected DeviceContext ctx;

    protected DeviceWindow(String name, long base, long size) {
        this.name = name;
        this.base = base;
        this.size = size;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long base() {
        return base;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final void attach(DeviceContext context) {
        this.ctx = Objects.requireNonNull(context, "context");
        attached();
    }

    /** Called after the context is set; the default does nothing. */
    protected void attached() {
    }
}
