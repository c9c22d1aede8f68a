package dev.rewind.emulator.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncates and corrupts real ELFs at many positions: the loader must either succeed or throw
 * ElfFormatException with a message; never another exception.
 */
class ElfFuzzTest {

    private static final String[] FIXTURES = {"hello32.elf", "hello64.elf", "tohost64.elf", "split64.elf"};

    /** Parses; returns 1 for success, 0 for a clean rejection; fails the test on anything else. */
    private static int parse(byte[] data, String what) {
        try {
            ElfImage img = ElfLoader.parse(data);
            for (ElfSegment s : img.loadSegments()) {
                if (s.fileSize() > data.length || s.memSize() < s.fileSize()) {
                    fail("%s: inconsistent segment %s", what, s);
                }
            }
            return 1;
        } catch (ElfFormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail("%s: ElfFormatException without a message", what);
            }
            return 0;
        } catch (Throwable t) {
            fail("%s: unexpected %s", what, t.toString(), t);
            return -1;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello32.elf", "hello64.elf", "tohost64.elf", "split64.elf"})
    void everyTruncation(String name) {
        byte[] full = Fixtures.bytes(name);
        int ok = 0;
        for (int len = 0; len < full.length; len++) {
            ok += parse(Arrays.copyOf(full, len), name + " truncated to " + len);
        }
        // Truncation inside the header must fail; the full file must parse.
        assertThat(parse(Arrays.copyOf(full, 40), name)).isZero();
        assertThat(parse(full, name)).isOne();
        assertThat(ok).isLessThan(full.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello32.elf", "hello64.elf", "tohost64.elf", "split64.elf"})
    void everyByteCorrupted(String name) {
        byte[] full = Fixtures.bytes(name);
        int[] values = {0x00, 0xFF, 0x80, 0x7F, 0x01};
        int rejected = 0;
        // Every byte of the ELF header, program headers and the trailing tables (symbols, strings, section
        // headers); every 13th byte of the contents in between.
        for (int pos = 0; pos < full.length; pos += pos < 256 || pos >= full.length - 3000 ? 1 : 13) {
            for (int v : values) {
                if ((full[pos] & 0xFF) == v) {
                    continue;
                }
                byte[] f = full.clone();
                f[pos] = (byte) v;
                rejected += 1 - parse(f, name + " byte " + pos + " = " + v);
            }
        }
        assertThat(rejected).as("corruptions rejected").isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomWordCorruptions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (String name : FIXTURES) {
            byte[] full = Fixtures.bytes(name);
            for (int trial = 0; trial < 3000; trial++) {
                byte[] f = full.clone();
                int hits = 1 + rnd.nextInt(4);
                for (int h = 0; h < hits; h++) {
                    // Mostly the headers and tables at the start and the end of the file, sometimes anywhere.
                    int pos = switch (rnd.nextInt(3)) {
                        case 0 -> rnd.nextInt(Math.min(256, f.length));
                        case 1 -> f.length - 1 - rnd.nextInt(Math.min(1024, f.length));
                        default -> rnd.nextInt(f.length);
                    };
                    long word = switch (rnd.nextInt(4)) {
                        case 0 -> rnd.nextLong();
                        case 1 -> -1L - rnd.nextInt(256);
                        case 2 -> rnd.nextInt(f.length + 64);
                        default -> 0x7FFF_FFFF_FFFF_FFF0L + rnd.nextInt(32);
                    };
                    for (int i = 0; i < 8 && pos + i < f.length; i++) {
                        f[pos + i] = (byte) (word >>> (8 * i));
                    }
                }
                parse(f, name + " seed " + seed + " trial " + trial);
            }
        }
    }
}
