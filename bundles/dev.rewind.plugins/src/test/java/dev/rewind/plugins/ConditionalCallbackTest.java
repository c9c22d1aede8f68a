package dev.rewind.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.plugin.api.Cond;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** Conditional callbacks on an inline counter (QEMU's exec_cond_cb): interpreted and translated alike. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConditionalCallbackTest {
    static final long AT = 5000;

    /** Counts instructions per hart inline; a callback when a hart's count is exactly AT, another while it is below 3. */
    static final class AtCount implements RewindPlugin {
        Counter count;
        final List<Integer> fired = new ArrayList<>();
        final List<Integer> early = new ArrayList<>();

        @Override
        public String name() {
            return "atcount";
        }

        @Override
        public void install(PluginContext ctx) {
            count = ctx.counter("instructions");
            ctx.onTranslate(tb -> {
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).inlineAdd(count, 1);
                    tb.insn(i).onExecIf(count, Cond.EQ, AT, (hart, time) -> fired.add(hart));
                    tb.insn(i).onExecIf(count, Cond.LT, 3, (hart, time) -> early.add(hart));
                    tb.insn(i).onExecIf(count, Cond.NEVER, 0, (hart, time) -> fired.add(-1));
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void firesWhenTheCellMeetsTheCondition(boolean translate) throws Exception {
        AtCount p = new AtCount();
        PluginRun run = PluginRun.run(Path.of("../../tests/guest/elf/demo-rv32.elf"), 4, translate, p, false);
        List<Integer> expected = new ArrayList<>();
        List<Integer> early = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            if (p.count.get(h) >= AT) {
                expected.add(h);
            }
            if (p.count.get(h) >= 2) {
                early.add(h);
                early.add(h);
            }
        }
        assertThat(expected).as("harts that ran past %d instructions", AT).isNotEmpty();
        assertThat(p.fired).as("once per hart, when its own count was %d", AT).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(p.early).as("the first two instructions of each hart").containsExactlyInAnyOrderElementsOf(early);
        assertThat(run.result()).isNotNull();
    }
}
