package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run control with held harts (RunScope) on the 4-hart bench-mt guest, every hart computing its own copy: a step,
 * a range step, a step out and a free run scoped to hart 2 leave the other harts' registers as they were; the
 * Running event names the scope; stepping back afterwards lands on the forward state; in history the same scope
 * replays it, and another scope starts a new future.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HeldHartsTest {
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    /** x1..x31 and pc of every hart. */
    static List<long[]> all(DebugSession s) throws Exception {
        List<Register> regs = new ArrayList<>();
        for (Register r : s.registers()) {
            if (regs.size() < 33) {
                regs.add(r);
            }
        }
        List<long[]> out = new ArrayList<>();
        for (int h = 0; h < s.harts(); h++) {
            out.add(await(s.readRegisters(h, regs)));
        }
        return out;
    }

    static void assertOthersUnchanged(List<long[]> before, List<long[]> after, int moved) {
        for (int h = 0; h < before.size(); h++) {
            if (h != moved) {
                assertThat(after.get(h)).as("hart %d", h).isEqualTo(before.get(h));
            }
        }
        assertThat(after.get(moved)).as("hart %d moved", moved).isNotEqualTo(before.get(moved));
    }

    @Test
    void scopedRunsAndStepsMoveOnlyTheirHart() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("bench-mt-rv32.elf")).withHarts(4)
                .withSnapshotInterval(20_000)));
        Events seen = new Events();
        s.addListener(seen);
        long go = Guests.symbol("bench-mt-rv32.elf", "go"); // the harts wait for hart 0 to set it
        for (int i = 0; i < 200 && await(s.readMemory(go, 4)).data()[0] == 0; i++) {
            await(s.stepInstruction(0, 20_000));
        }
        assertThat(await(s.readMemory(go, 4)).data()[0]).as("go").isNotZero();
        await(s.stepInstruction(0, 20_000)); // every hart past the wait, computing
        RunScope two = RunScope.only(2);
        List<long[]> start = all(s);
        long t0 = await(s.time()).now();

        Stop st = await(s.stepInstruction(2, 300, two));
        assertThat(st.time()).isEqualTo(t0 + 300);
        assertOthersUnchanged(start, all(s), 2);
        long pc = all(s).get(2)[32];
        await(s.stepRange(2, pc, pc + 2, true, two));
        assertOthersUnchanged(start, all(s), 2);

        seen.clear();
        await(s.resume(two));
        seen.waitFor(e -> e instanceof SessionEvent.Running);
        assertThat(seen).filteredOn(e -> e instanceof SessionEvent.Running).first()
                .satisfies(e -> assertThat(((SessionEvent.Running) e).scope()).isEqualTo(two));
        await(s.pause());
        List<long[]> forward = all(s);
        assertOthersUnchanged(start, forward, 2);
        long t1 = await(s.time()).now();

        // back: history is fixed, the landing is the forward state there
        await(s.goToTime(t0 + 300));
        Stop back = await(s.stepBackInstruction(2, 300));
        assertThat(back.time()).isEqualTo(t0);
        assertThat(all(s)).usingRecursiveComparison().isEqualTo(start);

        // the same scope in history replays it; everything running there is a new future
        seen.clear();
        await(s.stepInstruction(2, 300, two));
        assertThat(await(s.time()).frontier()).isEqualTo(t1);
        seen.waitFor(e -> e instanceof SessionEvent.Stopped); // events reach listeners after the step's answer;
        assertThat(seen).noneMatch(e -> e instanceof SessionEvent.Invalidated); // an Invalidated comes before it
        await(s.stepInstruction(0, 10));
        seen.waitFor(e -> e instanceof SessionEvent.Invalidated);
        TimeInfo after = await(s.time()); // the old future is gone: history now ends where the new one is
        assertThat(after.frontier()).isEqualTo(after.now());

        assertThatThrownBy(() -> await(s.stepInstruction(1, 1, two))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("outside the run scope");
    }
}
