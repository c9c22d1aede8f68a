package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdServer;

/** The open server connection of a {@link RewindMcd}. */
final class RewindServer implements McdServer {
    private final RewindMcd owner;
    private volatile String config;
    private volatile boolean open = true;

    RewindServer(RewindMcd owner, String config) {
        this.owner = owner;
        this.config = config;
    }

    @Override
    public String host() {
        return "Rewind";
    }

    @Override
    public String configString() {
        return config;
    }

    private void check() throws McdException {
        if (!open) {
            throw new McdException(McdErrorCode.CONNECTION, "server not open");
        }
    }

    @Override
    public void close() throws McdException {
        check();
        open = false;
        owner.serverClosed(this);
    }

    @Override
    public void setConfig(String configString) throws McdException {
        check();
        config = configString;
    }

    @Override
    public String qryConfig() throws McdException {
        check();
        return config;
    }
}
