package dev.rewind.mcd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The assertions of {@code expect} on a real target. */
class ExpectationTest {

    @Test
    void gogoSplitOperatorsAreJoinedAgain() {
        assertThat(Expectation.normalize(new String[] {"reg", "a0", "=", "=", "5"})).containsExactly("reg", "a0", "==", "5");
        assertThat(Expectation.normalize(new String[] {"pc", "!", "=", "main"})).containsExactly("pc", "!=", "main");
        assertThat(Expectation.normalize(new String[] {"reg", "a0", "=", "5"})).containsExactly("reg", "a0", "=", "5");
        assertThat(Expectation.unescape("a\\nb\\\\c\\t")).isEqualTo("a\nb\\c\t");
    }

    @Test
    void expectationsHoldOrFailWithExpectedAndActual() throws Exception {
        try (McdTarget t = McdTargetTest.load("exit-code-rv32.elf", 1)) {
            assertThat(Expectation.check(t, new String[] {"state", "DEBUG"})).isEqualTo("ok: state DEBUG");
            assertThat(Expectation.check(t, new String[] {"pc", "==", "_start"})).isEqualTo("ok: pc == _start");
            assertThat(Expectation.check(t, new String[] {"time", "eq", "0"})).isEqualTo("ok: time eq 0");
            t.run(0);
            assertThat(Expectation.check(t, new String[] {"state", "!=", "debug"})).isEqualTo("ok: state != debug");
            assertThat(Expectation.check(t, new String[] {"console", "==", "bye\\n"})).isEqualTo("ok: console == bye\\n");
            assertThat(Expectation.check(t, new String[] {"stop", "contains", "exited", "with", "code", "7"}))
                    .startsWith("ok:");
            assertThat(Expectation.check(t, new String[] {"time", "gt", "10"})).startsWith("ok:");
            assertThat(Expectation.check(t, new String[] {"reg", "zero", "0", "==", "0"})).startsWith("ok:");
            assertThatThrownBy(() -> Expectation.check(t, new String[] {"reg", "a0", "=", "=", "0x99"}))
                    .isInstanceOf(Expectation.Failed.class)
                    .hasMessageStartingWith("expectation failed: expect reg a0 == 0x99\n  expected: == 0x99 (153)\n"
                            + "  actual:   0x");
            assertThatThrownBy(() -> Expectation.check(t, new String[] {"console", "lacks", "bye"}))
                    .isInstanceOf(Expectation.Failed.class).hasMessageContaining("actual:   \"bye\\n\"");
            assertThatThrownBy(() -> Expectation.check(t, new String[] {"state", "SLEEPY"}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no state SLEEPY");
            assertThatThrownBy(() -> Expectation.check(t, new String[] {"time", "<>", "1"}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown operator '<>'");
            assertThatThrownBy(() -> Expectation.check(t, new String[] {"weather", "sunny"}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an expectation");
        }
    }
}
