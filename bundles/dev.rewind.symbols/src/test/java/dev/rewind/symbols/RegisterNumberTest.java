package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default register names of a target: DWARF's x0..x31 only (ABI names come from a machine's register map). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RegisterNumberTest {
    private final TargetAccess bare = new TargetAccess() {
        @Override
        public int xlen() {
            return 32;
        }

        @Override
        public long register(int dwarfRegister) {
            return dwarfRegister;
        }

        @Override
        public long pc() {
            return 0;
        }

        @Override
        public byte[] memory(long address, int length) {
            return new byte[length];
        }
    };

    @Test
    void xRegistersOnly() {
        assertThat(bare.registerNumber("x0")).isZero();
        assertThat(bare.registerNumber("x31")).isEqualTo(31);
        assertThat(bare.registerNumber("x10")).isEqualTo(10);
        for (String bad : new String[] {"x32", "x01", "x", "x-1", "sp", "a0", "pc", "x100", "X5"}) {
            assertThat(bare.registerNumber(bad)).as(bad).isEqualTo(-1);
        }
    }
}
