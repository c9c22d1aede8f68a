package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Returns dispatched over a region's return sites only ({@code Dispatch.RET_SITES}) and the loads' and stores' slow
 * paths, against the interpreter, bit for bit: a loop calls one function from two sites (its return
 * dispatches to either), returns through t0, "returns" past its call site (ra + 4: no return site, the region leaves),
 * jumps through a register that is not a return, and reads the UART every 16th round (a slow load; the bus then asks
 * the region to end) and stores to and loads from a data page that a snapshot before every fourth chunk makes clean
 * again (slow stores), plus loads and stores of every width across a page boundary (slow, every round).
 */
class ReturnSitesDifferentialTest {

    private static final long D = RandomPrograms.RAM + 0x40000;

    static String program(int xlen) {
        String wide = xlen == 64 ? "ld a5,12(s4)\nsd a5,12(s4)\nlwu a5,14(s4)\nadd a6,a6,a5\n" : "";
        return RandomPrograms.HANDLER_CODE + ".zero " + (RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15) + "\n"
                + """
                start:
                loop: addi a1,a1,1
                jal ra,func
                add a7,a7,a0
                jal ra,func
                xor a7,a7,a0
                jal ra,skip
                addi a7,a7,99
                add a6,a6,a7
                addi s1,t0,0
                jal t0,f2
                addi t0,s1,0
                andi a4,a1,1
                slli a4,a4,2
                add a4,a4,s5
                jalr zero,0(a4)
                tab: jal zero,even
                jal zero,odd
                even: addi a6,a6,5
                jal zero,join
                odd: addi a6,a6,-3
                join: sw a7,8(s2)
                lw a5,8(s2)
                add a6,a6,a5
                sh a6,15(s4)
                lh a5,15(s4)
                lhu a3,15(s4)
                add a6,a6,a3
                sw a5,13(s4)
                lw a5,13(s4)
                lb a3,15(s4)
                lbu a3,16(s4)
                sb a3,17(s4)
                add a6,a6,a5
                """ + wide + Lockstep.LOOP_EXIT + """
                func: andi a4,a1,15
                bne a4,zero,quiet
                lbu a3,5(s3)
                add a0,a0,a3
                quiet: addi a0,a0,3
                xori a5,a0,7
                add a0,a0,a5
                jalr zero,0(ra)
                skip: addi ra,ra,4
                jalr zero,0(ra)
                f2: addi a0,a0,1
                jalr zero,0(t0)
                """;
    }

    static Machine boot(int xlen, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(xlen, 1, 1 << 20, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        String text = program(xlen);
        byte[] code = new Assembler(xlen).assemble(text, RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        m.hart(0).setPc(RandomPrograms.BODY);
        m.hart(0).setReg(5, 3000);
        m.hart(0).setReg(18, D);
        m.hart(0).setReg(19, MachineConfig.UART_BASE);
        m.hart(0).setReg(20, D + 0x1FF0);
        // s5: the jump table "tab", 15 instructions after the loop's head (which is the body's start)
        m.hart(0).setReg(21, RandomPrograms.BODY + 4 * 15);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void returnsAndSlowPathsRunIdenticallyTranslated(int xlen) {
        Lockstep.loopRunsToExit((jit, console) -> boot(xlen, jit, console), false);
    }
}
