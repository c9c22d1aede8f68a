package dev.rewind.gdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ScratchTest {
    @Test
    void scratch() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script(System.getProperty("gdbcmds", "").split(";;")));
            System.out.println(out);
            for (int h = 0; h < 4; h++) {
                System.out.println("hart " + h + " mhartid " + stub.session.readRegister(h, stub.session.register("mhartid")).get());
            }
        }
    }
}
