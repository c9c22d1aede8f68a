/**
 * Where Rewind's servers (MCD wire, GDB, DAP) listen and who may talk to them: an {@link dev.rewind.net.Endpoint}
 * is a loopback TCP port or a Unix domain socket created with mode 0600; an {@link dev.rewind.net.AccessToken}
 * is a secret a client must present before anything else; {@link dev.rewind.net.AccessOptions} is the picocli
 * mixin that gives a server command {@code --unix-socket}, {@code --token} and {@code --token-file}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.net;
