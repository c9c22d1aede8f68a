package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packets of the issue that gdb's everyday commands do not send: {@code hbreak} and {@code awatch} through
 * gdb-multiarch; {@code G}, {@code X}, {@code M}, {@code vCont} with signals and the {@code X09} reply of a session
 * that ends under gdb on the wire.
 */
@Timeout(120)
class GdbPacketsTest {

    @Test
    void hardwareBreakpointsAndAccessWatchpoints() throws Exception {
        try (Stub stub = new Stub("hello-rv32.elf", 2)) {
            String out = stub.gdb(Gdb.script("hbreak take_turn", Gdb.marked("HB", "continue", "info breakpoints"),
                    "delete", "awatch ticket", Gdb.marked("AW", "continue", "continue")));
            assertThat(Gdb.section(out, "HB")).containsPattern("hit Breakpoint 1(\\.\\d)?, take_turn")
                    .contains("hw breakpoint");
            assertThat(Gdb.section(out, "AW")).contains("Hardware access (read/write) watchpoint 2: ticket", "Value = ");
        }
    }

    @Test
    void registerBlocksBinaryWritesSignalsAndTheEndOfTheSession() throws Exception {
        try (Stub stub = new Stub("ttbench-rv32.elf", 2); RawClient c = new RawClient(stub.port())) {
            c.raw("+");
            assertThat(c.ask("QStartNoAckMode")).isEqualTo("OK");
            String g = c.ask("g");
            assertThat(g).hasSize(33 * 8);
            String changed = g.substring(0, 10 * 8) + "78563412" + g.substring(11 * 8);  // a0 = 0x12345678
            assertThat(c.ask("G" + changed)).isEqualTo("OK");
            assertThat(c.ask("g")).isEqualTo(changed);
            assertThat(c.ask("pa")).isEqualTo("78563412");
            long ram = stub.session.memoryRegions().stream().filter(r -> r.name().contains("RAM")).findFirst()
                    .map(r -> r.start() + r.length() - 16).orElse(0x80000000L + (64L << 20));
            String at = Long.toHexString(ram);
            assertThat(c.ask("X" + at + ",4:a}\u0003}\u0003b")).isEqualTo("OK");   // 'a', '#', '#', 'b' ('#' escaped)
            assertThat(c.ask("m" + at + ",4")).isEqualTo("61232362");
            assertThat(c.ask("M" + at + ",2:ffee")).isEqualTo("OK");
            assertThat(c.ask("m" + at + ",4")).isEqualTo("ffee2362");
            assertThat(c.ask("vCont;S05:2")).startsWith("T05thread:2;");         // a signal is ignored: a step
            var started = stub.nextRun();
            c.send("vCont;C05");                                                  // runs on (ttbench is long)
            started.get(20, TimeUnit.SECONDS);
            assertThat(stub.session.running()).isTrue();
            stub.session.end().get(20, TimeUnit.SECONDS);                         // another front end ends it
            String reply;
            do {
                reply = c.packet();
            } while (reply.matches("O[0-9a-f]+"));                               // the guest's console output
            assertThat(reply).isEqualTo("X09");
        }
    }
}
