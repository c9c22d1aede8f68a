package dev.rewind.mcd.client;

import dev.rewind.mcd.api.ApiVersion;
import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.MemSpace;
import dev.rewind.mcd.api.MemType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every core of an MCD back end's first system, opened in core order (core n is hart n), and the id of the
 * first memory space that is not a register space (the physical one). What each in-process MCD client does
 * first; the cores stay open until the client closes them or the back end ends.
 *
 * @param cores         the open cores
 * @param physicalSpace the memory space id for physical memory accesses
 */
public record OpenCores(List<McdCore> cores, int physicalSpace) {

    public OpenCores {
        cores = List.copyOf(cores);
    }

    /** Initialises {@code api} and opens every core of its first system. */
    public static OpenCores open(McdApi api) throws McdException {
        api.initialize(ApiVersion.current());
        CoreConInfo system = api.qrySystems(0, 1).items().get(0);
        int n = api.qryCores(system, 0, 0).count();
        List<McdCore> cores = new ArrayList<>(n);
        for (CoreConInfo info : api.qryCores(system, 0, n).items()) {
            cores.add(api.openCore(info));
        }
        McdCore first = cores.get(0);
        int physical = -1;
        for (MemSpace m : first.qryMemSpaces(0, first.qryMemSpaces(0, 0).count()).items()) {
            if (physical < 0 && (m.memType() & MemType.REGISTERS.bit()) == 0) {
                physical = m.memSpaceId();
            }
        }
        return new OpenCores(cores, physical < 0 ? 1 : physical);
    }
}
