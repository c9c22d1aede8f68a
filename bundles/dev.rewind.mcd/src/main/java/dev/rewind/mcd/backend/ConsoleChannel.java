package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.ChlAttribute;
import dev.rewind.mcd.api.ChlType;
import dev.rewind.mcd.api.Channel;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdFlag;

/** A core's MCD channels: the UART console, the only one (input logged in history, output from the console log). */
final class ConsoleChannel {
    private final Target target;

    ConsoleChannel(Target target) {
        this.target = target;
    }

    Channel open(Channel requested) throws McdException {
        if (requested.type() != ChlType.APPLI && requested.type() != ChlType.COMMON) {
            throw new McdException(McdErrorCode.CHL_TYPE_NOT_SUPPORTED, "only the console channel (APPLI) exists");
        }
        return new Channel(Layout.CHL_CONSOLE, ChlType.APPLI, McdFlag.mask(ChlAttribute.RCV, ChlAttribute.SND),
                4096, Addr.of(Layout.MEM_PHYSICAL, 0x1000_0000L), 0);
    }

    void send(Channel c, byte[] msg) throws McdException {
        check(c);
        target.paused(() -> {
            target.engine.sendInput(msg);
            return null;
        });
    }

    byte[] receive(Channel c, int timeoutMs, int maxLen) throws McdException, InterruptedException {
        check(c);
        return target.console.take(maxLen, Math.max(0, timeoutMs));
    }

    void reset(Channel c) throws McdException {
        check(c);
        target.console.reset();
    }

    void close(Channel c) throws McdException {
        check(c);
    }

    private static void check(Channel c) throws McdException {
        if (c.chlId() != Layout.CHL_CONSOLE) {
            throw new McdException(McdErrorCode.CHL_SETUP, "no channel " + c.chlId());
        }
    }
}
