package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static dev.rewind.debug.Guests.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionTest {
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    @Test
    void runsToExitWithOutputAndEventsInOrder() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
        assertThat(s.lastStop().reason()).isEqualTo(StopReason.ENTRY);
        Events events = new Events();
        s.addListener(events);
        var stop = s.nextStop();
        await(s.resume());
        Stop exit = await(stop);
        assertThat(exit.reason()).isEqualTo(StopReason.EXIT);
        assertThat(exit.exitCode()).isZero();
        events.waitFor(e -> e instanceof SessionEvent.Stopped);
        assertThat(events.get(0)).isInstanceOf(SessionEvent.Running.class);
        String out = events.output();
        assertThat(out).contains("hello from hart 0");
        assertThatThrownBy(() -> await(s.resume())).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("exited with code 0");
    }

    @Test
    void breakpointOnAProducerHartThenStepAndStepBackLandWhereForwardWas() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(4)));
        long countItem = symbol("demo-rv32.elf", "count_item");
        Breakpoint bp = await(s.addBreakpoint(BreakpointSpec.instruction(countItem)));
        assertThat(bp.verified()).isTrue();
        var next = s.nextStop();
        await(s.resume());
        Stop hit = await(next);
        assertThat(hit.reason()).isEqualTo(StopReason.BREAKPOINT);
        assertThat(hit.breakpointId()).isEqualTo(bp.id());
        assertThat(hit.hart()).isBetween(1, 3);
        assertThat(hit.pc()).isEqualTo(countItem);
        int hart = hit.hart();
        long[] before = await(s.readRegisters(hart, s.registers().subList(0, 33)));
        Stop stepped = await(s.stepInstruction(hart, 3));
        assertThat(stepped.reason()).isEqualTo(StopReason.STEP);
        assertThat(stepped.time()).isGreaterThan(hit.time());
        Stop back = await(s.stepBackInstruction(hart, 3));
        assertThat(back.pc()).isEqualTo(countItem);
        assertThat(await(s.readRegisters(hart, s.registers().subList(0, 33)))).isEqualTo(before);
        assertThat(back.time()).isEqualTo(hit.time());
    }

    @Test
    void stepRangeOverACallRunsTheCallWhole() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
        long main = symbol("hello-rv32.elf", "main");
        await(s.addBreakpoint(BreakpointSpec.instruction(main)));
        var next = s.nextStop();
        await(s.resume());
        await(next);
        List<Instruction> code = await(s.disassemble(main, 40));
        Instruction call = code.stream().filter(i -> i.text().startsWith("jal ra,") || i.text().startsWith("c.jal "))
                .findFirst().orElseThrow(() -> new AssertionError("no call in main: " + code));
        await(s.addBreakpoint(BreakpointSpec.instruction(call.address())));
        next = s.nextStop();
        await(s.resume());
        Stop atCall = await(next);
        assertThat(atCall.pc()).isEqualTo(call.address());
        long after = call.address() + call.bytes().length;
        Stop over = await(s.stepRange(0, call.address(), after, true));
        assertThat(over.reason()).isEqualTo(StopReason.STEP);
        assertThat(over.pc()).isEqualTo(after);
        assertThat(over.time() - atCall.time()).as("the callee ran").isGreaterThan(2);
        Stop backOver = await(s.stepBackRange(0, after, after + 2, true));
        assertThat(backOver.pc()).as("stepping back over the call lands on it").isEqualTo(call.address());
        assertThat(backOver.time()).isEqualTo(atCall.time());
    }

    @Test
    void watchpointReverseContinueAndLastWrite() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(4)));
        long counter = symbol("demo-rv32.elf", "items_produced");
        Breakpoint w = await(s.addBreakpoint(BreakpointSpec.watch(counter, 4, Stop.Access.WRITE)));
        var next = s.nextStop();
        await(s.resume());
        Stop first = await(next);
        assertThat(first.reason()).isEqualTo(StopReason.WATCHPOINT);
        next = s.nextStop();
        await(s.resume());
        Stop second = await(next);
        assertThat(second.reason()).isEqualTo(StopReason.WATCHPOINT);
        assertThat(second.time()).isGreaterThan(first.time());
        Stop back = await(s.reverseContinue());
        assertThat(back.reason()).isEqualTo(StopReason.WATCHPOINT);
        assertThat(back.time()).isEqualTo(first.time());
        assertThat(back.hart()).isEqualTo(first.hart());
        await(s.removeBreakpoint(w.id()));
        await(s.goToTime(second.time() + 1)); // a write that ends at time T is found from T + 1 on
        Stop last = await(s.reverseToLastWrite(counter, 4));
        assertThat(last.reason()).isEqualTo(StopReason.WATCHPOINT);
        assertThat(last.time()).isEqualTo(second.time());
        assertThat(last.hart()).isEqualTo(second.hart());
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersAndAllFrontEndsSeeEachStop() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(4)));
        Events a = new Events();
        Events b = new Events();
        s.addListener(e -> {
            throw new IllegalStateException("a broken front end");
        });
        s.addListener(a);
        s.addListener(b);
        await(s.stepInstruction(2, 5));
        await(s.stepBackInstruction(2, 1));
        Stop back = await(s.stepBackInstruction(2, 1));
        a.waitFor(e -> e instanceof SessionEvent.Stopped st && st.stop().equals(back));
        b.waitFor(e -> e instanceof SessionEvent.Stopped st && st.stop().equals(back));
        assertThat(a).hasSameSizeAs(b).hasSize(5);
        assertThat(a.get(0)).isInstanceOf(SessionEvent.Stopped.class);
        assertThat(a.stream().filter(e -> e instanceof SessionEvent.Invalidated)).hasSize(2);
        assertThat(await(s.time()).now()).isEqualTo(back.time());
    }

    @Test
    void aSlowListenerDelaysOnlyItself() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Events slow = new Events();
        s.addListener(e -> {
            slow.onEvent(e);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        });
        Events quick = new Events();
        s.addListener(quick);
        for (int i = 0; i < 5; i++) {
            await(s.stepInstruction(0, 1)); // completes although the slow listener holds its first event
        }
        quick.waitFor(e -> e instanceof SessionEvent.Stopped st && st.stop().time() == 5);
        assertThat(slow).hasSize(1);
        release.countDown();
        slow.waitFor(e -> e instanceof SessionEvent.Stopped st && st.stop().time() == 5);
        assertThat(slow).hasSameSizeAs(quick);
    }

    @Test
    void pauseStopsALongRun() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("bench-rv32.elf"))));
        await(s.resume());
        Thread.sleep(200); // deliberate pacing: the machine runs a while before the pause
        Stop p = await(s.pause());
        assertThat(p.reason()).isEqualTo(StopReason.PAUSE);
        assertThat(p.time()).isPositive();
        assertThat(s.running()).isFalse();
        Stop start = await(s.reverseContinue());
        assertThat(start.reason()).isEqualTo(StopReason.HISTORY_START);
    }

    @Test
    void pauseCancelsALongReverseContinue() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("bench-rv32.elf"))));
        long main = symbol("bench-rv32.elf", "main");
        await(s.addBreakpoint(BreakpointSpec.instruction(main)));
        var next = s.nextStop();
        await(s.resume());
        await(next);
        Stop paused = await(s.goToTime(200_000_000L)); // a long history after the only breakpoint hit
        var reverse = s.reverseContinue();
        Thread.sleep(20); // deliberate pacing: let the backward search start before the pause
        Stop cancelled = await(s.pause().thenCompose(p -> reverse));
        assertThat(paused.time()).as("a long history to search").isGreaterThan(10_000_000);
        assertThat(cancelled.reason()).as("the pause cancelled the backward search").isEqualTo(StopReason.PAUSE);
        assertThat(cancelled.time()).as("a cancelled search stays where it started").isEqualTo(paused.time());
    }

    @Test
    void resetStartsANewRunAtTheEntryAndTheMemoryMapComesFromTheMachine() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
        long entry = Guests.entry("hello-rv32.elf");
        assertThat(s.lastStop().pc()).isEqualTo(entry);
        assertThat(s.memoryRegions()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(MemoryRegion.Kind.RAM);
            assertThat(r.contains(entry)).isTrue();
        });
        var exit = s.nextStop();
        await(s.resume());
        assertThat(await(exit).reason()).isEqualTo(StopReason.EXIT);
        Stop again = await(s.reset());
        assertThat(again.reason()).isEqualTo(StopReason.ENTRY);
        assertThat(again.pc()).isEqualTo(entry);
        assertThat(again.time()).isZero();
        var second = s.nextStop();
        await(s.resume());
        assertThat(await(second).reason()).as("the program runs again after a reset").isEqualTo(StopReason.EXIT);
    }

    @Test
    void trapStopsArmedAtLaunchCatchTheFirstTrapAfterTheGuestInstallsItsVector() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("trap-rv32.elf"))));
        await(s.setTrapStops(true, false));
        Stop trap = run(s);
        assertThat(trap.reason()).as(trap.description()).isEqualTo(StopReason.TRAP);
        assertThat(trap.trapCause()).as("an exception, not an interrupt").isBetween(0L, 15L);
        long mtvec = await(s.readRegister(trap.hart(), s.register("mtvec")));
        assertThat(trap.pc()).isEqualTo(mtvec & ~3L);
        assertThat(await(s.readRegister(trap.hart(), s.register("mcause")))).isEqualTo(trap.trapCause());
        Stop next = run(s);
        assertThat(next.reason()).isEqualTo(StopReason.TRAP);
        assertThat(next.time()).isGreaterThan(trap.time());
    }

    private static Stop run(DebugSession s) throws Exception {
        var next = s.nextStop();
        await(s.resume());
        return await(next);
    }

    @Test
    void badInputGetsClearErrors() throws Exception {
        assertThatThrownBy(() -> await(manager.launch(LaunchConfig.of(elf("../README.md")))))
                .hasMessageContaining("not a RISC-V ELF");
        assertThatThrownBy(() -> await(manager.launch(LaunchConfig.of(elf("nope.elf")))))
                .hasMessageContaining("no such program");
        DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
        assertThatThrownBy(() -> await(s.stepInstruction(5, 1))).hasMessageContaining("no hart 5");
        assertThatThrownBy(() -> s.register("q7")).hasMessageContaining("no register 'q7'");
        assertThat(s.register("fp")).isEqualTo(s.register("s0")).isEqualTo(s.register("x8"));
        MemoryRead r = await(s.readMemory(0x7000_0000L, 16));
        assertThat(r.complete()).isFalse();
        assertThat(r.error()).contains("0x70000000");
        await(s.end());
        assertThatThrownBy(() -> await(s.resume())).hasMessageContaining("has ended");
    }
}
