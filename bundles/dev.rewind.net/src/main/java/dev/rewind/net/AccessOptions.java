package dev.rewind.net;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The picocli mixin a server command adds with {@code @Mixin AccessOptions access}: {@code --unix-socket PATH},
 * {@code --token TOKEN}, {@code --token-file FILE}. The command keeps its own {@code --host}/{@code --port} and
 * asks {@link #endpoint(String, int)} where to listen.
 */
public final class AccessOptions {

    @Option(names = "--unix-socket", paramLabel = "PATH",
            description = "listen on a Unix domain socket (mode 0600) instead of TCP")
    Path unixSocket;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "clients must present this token first (visible to other users in the process list; "
                    + "prefer --token-file)")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "clients must present the token on the "
            + "first line of FILE first")
    Path tokenFile;

    /** The Unix socket if one was asked for, else TCP on {@code host}:{@code port}. */
    public Endpoint endpoint(String host, int port) throws IOException {
        return unixSocket != null ? Endpoint.unix(unixSocket) : Endpoint.tcp(host, port);
    }

    /** @throws IllegalArgumentException for a bad token or both options given */
    public AccessToken token() throws IOException {
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("give --token or --token-file, not both");
        }
        return token != null ? AccessToken.of(token) : tokenFile != null ? AccessToken.fromFile(tokenFile)
                : AccessToken.none();
    }

    public Path unixSocket() {
        return unixSocket;
    }
}
