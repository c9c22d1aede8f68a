package dev.rewind.dap.command;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Base64;

/**
 * What the launcher hands over when it read the client's first message itself (while the runtime started):
 * {@code --stdin-prefix BASE64} (the bytes it read, to be replayed before the rest of standard input) and
 * {@code --initialize-answered} (that first message was {@code initialize} and its response is out).
 */
record EarlyStdin(byte[] prefix, boolean initializeAnswered) {

    /** The handoff when {@code args} are exactly the launcher's form (or empty); null for anything else. */
    static EarlyStdin parse(String... args) {
        byte[] prefix = new byte[0];
        boolean answered = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--stdin-prefix") && i + 1 < args.length) {
                try {
                    prefix = Base64.getDecoder().decode(args[++i]);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else if (args[i].equals("--initialize-answered")) {
                answered = true;
            } else {
                return null;
            }
        }
        return new EarlyStdin(prefix, answered && prefix.length > 0);
    }

    InputStream input(InputStream rest) {
        return prefix.length == 0 ? rest : new SequenceInputStream(new ByteArrayInputStream(prefix), rest);
    }
}
