package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.RegisterInfo;
import java.io.PrintStream;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code registers [HART]}, {@code reg NAME [HART] [= VALUE]}, {@code mem read ADDR LEN},
 * {@code mem write ADDR BYTE...} (addresses may be symbols).
 */
@Component(service = DataCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=registers",
    "osgi.command.function=reg",
    "osgi.command.function=mem"
})
public final class DataCommands {

    /** Largest {@code mem read}. */
    static final int MAX_READ = 64 * 1024;

    public void registers(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: registers [HART]");
        }
        int hart = Sessions.hart(t, args, 0);
        PrintStream out = Sessions.out(session);
        int digits = t.xlen() / 4;
        try {
            List<RegisterInfo> regs = t.registers().cpu();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < regs.size(); i++) {
                RegisterInfo r = regs.get(i);
                long v = RegisterFile.read(t.core(hart), r);
                line.append(String.format("%-5s0x%0" + digits + "x   ", r.regName(), v));
                if (i % 4 == 3 || i == regs.size() - 1) {
                    out.println(line.toString().stripTrailing());
                    line.setLength(0);
                }
            }
        } catch (McdException e) {
            throw Sessions.failed("registers", e);
        }
    }

    /** {@code reg a0}, {@code reg a0 2}, {@code reg a0 = 5}, {@code reg a0 2 = 0x10}. */
    public void reg(CommandSession session, String... raw) {
        McdTarget t = Sessions.target(session);
        String[] args = Expectation.normalize(raw);
        int eq = List.of(args).indexOf("=");
        String[] target = eq < 0 ? args : java.util.Arrays.copyOf(args, eq);
        if (target.length < 1 || target.length > 2 || (eq >= 0 && eq != args.length - 2)) {
            throw new IllegalArgumentException("usage: reg NAME [HART] [= VALUE]");
        }
        int hart = Sessions.hart(t, target, 1);
        String name = target[0];
        t.registers().info(name);
        try {
            if (eq >= 0) {
                t.setRegister(hart, name, Values.address(t.symbols(), args[eq + 1]));
            }
            long v = t.register(hart, name);
            Sessions.out(session).println(name + " = " + Values.hex(v) + " (" + v + ")"
                    + (name.equals("pc") ? " " + Values.where(t.symbols(), v) : ""));
        } catch (McdException e) {
            throw Sessions.failed("reg", e);
        }
    }

    public void mem(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length >= 3 && args[0].equals("read")) {
            long addr = Values.address(t.symbols(), args[1]);
            int len = Values.count(args[2], "length");
            if (len < 1 || len > MAX_READ || args.length > 3) {
                throw new IllegalArgumentException("usage: mem read ADDR LEN (LEN 1.." + MAX_READ + ")");
            }
            try {
                dump(Sessions.out(session), addr, t.readMemory(addr, len));
            } catch (McdException e) {
                throw Sessions.failed("mem read", e);
            }
        } else if (args.length >= 3 && args[0].equals("write")) {
            long addr = Values.address(t.symbols(), args[1]);
            byte[] data = new byte[args.length - 2];
            for (int i = 0; i < data.length; i++) {
                long b = Values.number(args[i + 2], "byte");
                if (b < -128 || b > 255) {
                    throw new IllegalArgumentException("mem write: " + args[i + 2] + " is not a byte");
                }
                data[i] = (byte) b;
            }
            try {
                t.writeMemory(addr, data);
                Sessions.out(session).println("wrote " + data.length + " bytes at " + Values.where(t.symbols(), addr));
            } catch (McdException e) {
                throw Sessions.failed("mem write", e);
            }
        } else {
            throw new IllegalArgumentException("usage: mem read ADDR LEN | mem write ADDR BYTE...");
        }
    }

    /** 16 bytes a line: address, hex bytes. */
    static void dump(PrintStream out, long addr, byte[] data) {
        for (int i = 0; i < data.length; i += 16) {
            StringBuilder line = new StringBuilder(String.format("%08x:", addr + i));
            for (int j = i; j < Math.min(data.length, i + 16); j++) {
                line.append(String.format(" %02x", data[j] & 0xff));
            }
            out.println(line);
        }
    }
}
