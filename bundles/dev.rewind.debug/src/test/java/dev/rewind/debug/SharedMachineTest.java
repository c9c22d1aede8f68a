package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.mcd.api.ApiVersion;
import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.StepType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An MCD client and the session's own front ends drive one machine and see each other's stops. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMachineTest {
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    @Test
    void stopsCausedThroughTheMcdApiReachTheSessionAndItsStopsLeaveMcdEventsUnconsumed() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(4)));
        Events seen = new Events();
        s.addListener(seen);
        McdApi api = s.adapt(McdApi.class).orElseThrow();
        api.initialize(ApiVersion.current());
        CoreConInfo system = api.qrySystems(0, 1).items().get(0);
        McdCore core1 = api.openCore(api.qryCores(system, 0, 4).items().get(1));
        core1.step(false, StepType.INSTR, 7);
        seen.waitFor(e -> e instanceof SessionEvent.Stopped st && st.stop().hart() == 1);
        Stop stop = ((SessionEvent.Stopped) seen.stream().filter(e -> e instanceof SessionEvent.Stopped).findFirst()
                .orElseThrow()).stop();
        assertThat(stop.time()).isEqualTo(core1.qryCurrentTime());
        assertThat(await(s.time()).now()).isEqualTo(stop.time());
        assertThat(core1.qryState().event() & CoreEvent.STOPPED.bit()).as("the MCD client still sees its STOPPED event")
                .isNotZero();
        Stop mine = await(s.stepInstruction(2, 1));
        assertThat(mine.time()).isGreaterThan(stop.time());
        assertThat(core1.qryCurrentTime()).isEqualTo(mine.time());
    }
}
