package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdFlag;
import dev.rewind.mcd.api.TrigAction;
import dev.rewind.mcd.api.TrigComplexCore;
import dev.rewind.mcd.api.TrigOption;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.TrigType;
import dev.rewind.mcd.api.Trigger;

/**
 * Which triggers a client may create, and how they are stored: an instruction-address range is narrowed to its
 * start (reported as modified), and "modified" of a trigger taken as is is an output, stored as false.
 */
final class TriggerRequests {
    static final int SUPPORTED_OPTIONS = McdFlag.mask(TrigOption.IMPL_HARDWARE, TrigOption.IMPL_SOFTWARE,
            TrigOption.DATA_IS_CONDITION, TrigOption.DATASIZE_IS_CONDITION, TrigOption.NOT_DATA,
            TrigOption.HW_THREAD_IS_CONDITION, TrigOption.NOT_HW_THREAD);
    static final int SUPPORTED_ACTIONS = McdFlag.mask(TrigAction.DBG_DEBUG, TrigAction.DBG_GLOBAL);
    static final int SUPPORTED_TYPES = McdFlag.mask(TrigType.IP, TrigType.READ, TrigType.WRITE, TrigType.RW);

    private TriggerRequests() {
    }

    /**
     * The trigger to store for {@code trig}.
     *
     * @throws McdException TRIG_CREATE for a trigger this back end does not support
     */
    static Trigger stored(Trigger trig, int physicalSpace) throws McdException {
        check(trig, physicalSpace);
        if (trig.type() == TrigType.IP.bit() && rangeOf(trig) != 0) {
            return modifiedRange(trig);
        }
        return trig.modified() ? unmodified(trig) : trig;
    }

    private static void check(Trigger trig, int physicalSpace) throws McdException {
        if (!(trig instanceof TrigSimpleCore) && !(trig instanceof TrigComplexCore)) {
            throw refused("only simple and complex core triggers are supported");
        }
        int type = trig.type();
        if (Integer.bitCount(type) != 1 || (type & SUPPORTED_TYPES) == 0) {
            throw refused("unsupported trigger type 0x" + Integer.toHexString(type));
        }
        if ((trig.option() & ~SUPPORTED_OPTIONS) != 0) {
            throw refused("unsupported trigger options 0x" + Integer.toHexString(trig.option() & ~SUPPORTED_OPTIONS));
        }
        if (trig.action() != 0 && (Integer.bitCount(trig.action()) != 1 || (trig.action() & SUPPORTED_ACTIONS) == 0)) {
            throw refused("unsupported trigger action 0x" + Integer.toHexString(trig.action()));
        }
        if (trig instanceof TrigComplexCore && (trig.option() & TrigOption.DATA_IS_CONDITION.bit()) != 0
                && type == TrigType.IP.bit()) {
            throw refused("a data condition needs a read/write trigger");
        }
        Addr start = trig instanceof TrigSimpleCore s ? s.addrStart() : ((TrigComplexCore) trig).addrStart();
        if (start.memSpaceId() != 0 && start.memSpaceId() != physicalSpace && !Layout.isMemory(start.memSpaceId())) {
            throw refused("triggers need addresses in memory space " + physicalSpace + " (physical) or "
                    + Layout.MEM_LOGICAL + " (logical), not " + start.memSpaceId());
        }
    }

    private static long rangeOf(Trigger t) {
        return t instanceof TrigSimpleCore s ? s.addrRange() : ((TrigComplexCore) t).addrRange();
    }

    private static Trigger modifiedRange(Trigger t) {
        if (t instanceof TrigSimpleCore s) {
            return s.withModified(s.option(), 0);
        }
        TrigComplexCore c = (TrigComplexCore) t;
        return new TrigComplexCore(c.type(), c.option(), c.action(), c.actionParam(), true, c.stateMask(),
                c.addrStart(), 0, c.dataStart(), c.dataRange(), c.dataMask(), c.dataSize(), c.hwThreadId(),
                c.swThreadId(), c.coreModeMask());
    }

    private static Trigger unmodified(Trigger t) {
        if (t instanceof TrigSimpleCore s) {
            return new TrigSimpleCore(s.type(), s.option(), s.action(), s.actionParam(), false, s.stateMask(),
                    s.addrStart(), s.addrRange());
        }
        TrigComplexCore c = (TrigComplexCore) t;
        return new TrigComplexCore(c.type(), c.option(), c.action(), c.actionParam(), false, c.stateMask(),
                c.addrStart(), c.addrRange(), c.dataStart(), c.dataRange(), c.dataMask(), c.dataSize(),
                c.hwThreadId(), c.swThreadId(), c.coreModeMask());
    }

    static McdException refused(String msg) {
        return new McdException(McdErrorCode.TRIG_CREATE, msg);
    }
}
