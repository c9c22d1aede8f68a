package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.isa.Disassembler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's warm-up loop ({@link WarmUp}): the instructions it documents, a translated region, the stop signal, and
 * that a guest run next to it ends in the same state as one without it.
 */
@Timeout(120)
class WarmUpTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void theLoopIsTheProgramItsCommentShowsAndGetsTranslated(int xlen) {
        ElfImage image = WarmUp.image(xlen);
        byte[] code = image.loadSegments().get(0).data();
        Disassembler dis = new Disassembler(xlen);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < code.length; i += 4) {
            int w = (code[i] & 0xFF) | (code[i + 1] & 0xFF) << 8 | (code[i + 2] & 0xFF) << 16 | code[i + 3] << 24;
            text.add(dis.disassemble(w, MachineConfig.RAM_BASE + i));
        }
        long base = MachineConfig.RAM_BASE;
        assertThat(text).containsExactly("auipc sp,0x1", "addi t0,zero,2000", "lw t1,0(sp)", "addi t1,t1,3",
                "sw t1,0(sp)", "xor t2,t2,t1", "addi t0,t0,-1", "bne t0,zero,0x" + Long.toHexString(base + 8),
                "jal zero,0x" + Long.toHexString(base + 4));
        Machine m = WarmUp.run(xlen, 100_000);
        assertThat(m.time()).isEqualTo(100_000);
        assertThat(m.translationCounts()[0]).as("regions translated").isPositive();
        // translated code = interpreter: the same state as the loop run by the interpreter alone
        Machine plain = new Machine(MachineConfig.defaults(xlen), ConsoleSink.discard(), InputSource.none());
        plain.setTranslation(false, 100);
        plain.load(image);
        plain.run(100_000);
        assertThat(m.stateHash()).isEqualTo(plain.stateHash());
        byte[] word = new byte[4];
        m.readMemory(base + 4096, word, 0, 4);
        assertThat((word[0] & 0xFF) | (word[1] & 0xFF) << 8).as("the stored sum moved").isNotZero();
    }

    @Test
    void stopsWhenAskedBetweenSteps() {
        assertThat(WarmUp.run(32, 1_000_000, () -> true).time()).isZero();
        AtomicInteger asked = new AtomicInteger();
        Machine m = WarmUp.run(32, 1_000_000, () -> asked.incrementAndGet() > 3);
        assertThat(m.time()).isEqualTo(3 * WarmUp.STEP);
        assertThat(WarmUp.run(32, 25_000, () -> false).time()).isEqualTo(25_000);
    }

    @Test
    void aGuestRunNextToTheWarmUpEndsInTheSameStateAsOneWithout() throws Exception {
        ElfImage image = ElfLoader.parse(Path.of("../tests/guest/elf/bench-small-rv32.elf"));
        long[] alone = runToEnd(image);
        for (int round = 0; round < 2; round++) {
            Thread warm = Thread.ofPlatform().daemon().start(() -> WarmUp.run(32, 3_000_000));
            long[] beside = runToEnd(image);
            warm.join(60_000);
            assertThat(warm.isAlive()).isFalse();
            assertThat(beside).as("time, state hash, regions translated").containsExactly(alone);
        }
    }

    private static long[] runToEnd(ElfImage image) {
        Machine m = new Machine(MachineConfig.defaults(image.xlen()), ConsoleSink.discard(), InputSource.none());
        m.load(image);
        RunResult r = m.run(2_000_000_000L);
        assertThat(r.reason()).isEqualTo(StopReason.EXITED);
        return new long[] {m.time(), m.stateHash(), m.translationCounts()[0]};
    }
}
