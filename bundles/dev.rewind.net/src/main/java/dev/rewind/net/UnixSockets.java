package dev.rewind.net;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Creating a Unix domain socket file that only its owner can use. */
final class UnixSockets {
    private UnixSockets() {
    }

    /** Binds {@code ch} at {@code target} with mode 0600, never visible at {@code target} with a wider mode. */
    static void bindPrivate(ServerSocketChannel ch, Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot create the socket " + target + ": no such directory " + parent);
        }
        Path dir = Files.createTempDirectory(parent, ".rewind-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = dir.resolve("s");
        try {
            ch.bind(Endpoint.address(tmp));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir);
        }
    }

    /** Removes a socket file nobody listens on; refuses a live socket or any other kind of file. */
    static void removeStale(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(target,
                LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "exists and is not a socket; choose another path");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(Endpoint.address(target));
            throw new FileAlreadyExistsException(target.toString(), null, "another server is listening there");
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(target); // connection refused: a stale socket from a server that ended
        }
    }
}
