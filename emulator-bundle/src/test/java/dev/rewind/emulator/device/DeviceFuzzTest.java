package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random guest accesses to every device: the only exception a guest can provoke is DeviceAccessException,
 * and the saved state always restores to an identical device (same state bytes, same register reads).
 */
class DeviceFuzzTest {

    private static final int[] SIZES = {1, 2, 4, 8};

    private static List<Supplier<MmioDevice>> devices() {
        return List.of(() -> new Clint(0x0200_0000L),
                () -> new Uart16550(0x1000_0000L, InputSource.of("random input bytes".getBytes(), 10, 37)),
                () -> new TestFinisher(0x10_0000L), () -> new Plic(0x0C00_0000L, 3));
    }

    @Test
    void randomAccessesOnlyFaultCleanlyAndStateRoundTrips() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (Supplier<MmioDevice> factory : devices()) {
            MmioDevice dev = factory.get();
            FakeContext ctx = new FakeContext(3);
            dev.attach(ctx);
            int faults = 0;
            for (int i = 0; i < 20_000; i++) {
                ctx.now += rnd.nextInt(5);
                int size = SIZES[rnd.nextInt(SIZES.length)];
                // Registers live at the start and (CLINT) around 0x4000 and 0xBFF8: aim there often.
                long offset = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(16);
                    case 1 -> Math.min(dev.size() - size, 0x4000 + rnd.nextInt(32));
                    case 2 -> Math.min(dev.size() - size, 0xBFF0 + rnd.nextInt(16));
                    default -> rnd.nextLong(dev.size() - size + 1);
                };
                try {
                    if (rnd.nextBoolean()) {
                        dev.write(offset, size, rnd.nextLong());
                    } else {
                        long v = dev.read(offset, size);
                        if (size < 8) {
                            assertThat(v >>> (8 * size)).as("%s read zero-extended", dev.name()).isZero();
                        }
                    }
                } catch (DeviceAccessException e) {
                    faults++;
                    assertThat(e.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    fail("%s: %d-byte access at 0x%x threw %s", dev.name(), size, offset, e);
                }
                dev.tick(ctx.now);
                if (i % 1000 == 0) {
                    assertRestoresIdentically(factory, dev, ctx);
                }
            }
            if (dev instanceof Clint) {
                assertThat(faults).isPositive();
            }
        }
    }

    private static void assertRestoresIdentically(Supplier<MmioDevice> factory, MmioDevice dev, FakeContext ctx) {
        byte[] state = dev.saveState();
        MmioDevice copy = factory.get();
        FakeContext other = new FakeContext(ctx.harts);
        other.now = ctx.now;
        copy.attach(other);
        copy.restoreState(state);
        assertThat(copy.saveState()).as(dev.name()).isEqualTo(state);
        assertThat(copy.nextEventTime()).isEqualTo(dev.nextEventTime());
    }
}
