package dev.rewind.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestFinisherTest {

    private final FakeContext ctx = new FakeContext(1);
    private final TestFinisher finisher = new TestFinisher(0x10_0000L);

    {
        finisher.attach(ctx);
    }

    @Test
    void passFailAndReset() {
        assertThat(finisher.name()).isEqualTo("test-finisher");
        assertThat(finisher.size()).isEqualTo(0x1000);
        finisher.write(0, 4, 0x5555);
        finisher.write(0, 4, 42 << 16 | 0x3333);
        finisher.write(0, 4, 0x7777);
        finisher.write(0, 8, 0xFFFF_FFFF_0003_3333L); // sd: low 32 bits, code 3
        finisher.write(0, 4, 0xFFFF_3333L); // code 65535
        finisher.write(0, 2, 0x3333); // halfword: no code
        assertThat(ctx.exits).containsExactly(0, 42, 0, 3, 65535, 0);
    }

    @Test
    void ignoresEverythingElse() {
        finisher.write(0, 4, 0x1234);
        finisher.write(4, 4, 0x5555);
        finisher.write(0, 1, 0x55);
        assertThat(ctx.exits).isEmpty();
        assertThat(finisher.read(0, 4)).isZero();
    }

    @Test
    void stateIsEmptyButChecked() {
        byte[] s = finisher.saveState();
        finisher.restoreState(s);
        assertThat(finisher.saveState()).isEqualTo(s);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finisher.restoreState(new Clint(0).saveState()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
