package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An open core connection: one hart of the machine. Execution, channels and trace in {@link CoreOps}. */
final class RewindCore extends CoreOps implements McdCore {
    private final CoreConInfo info;
    private final RewindMcd owner;
    private final TimeTravelImpl timeTravel;
    private final Map<McdEventListener, Target.Listener> listeners = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    RewindCore(RewindMcd owner, Target target, CoreConInfo info) {
        super(target, info.coreId());
        this.owner = owner;
        this.info = info;
        this.timeTravel = new TimeTravelImpl(target, hart);
    }

    @Override
    void check() throws McdException {
        if (!open) {
            throw new McdException(McdErrorCode.CONNECTION, "core not open");
        }
    }

    @Override
    McdException remember(McdException e) {
        lastError = e.toErrorInfo();
        return e;
    }

    @Override
    public CoreConInfo conInfo() {
        return info;
    }

    @Override
    public void close() throws McdException {
        check();
        open = false;
        for (Target.Listener l : listeners.values()) {
            target.notifier.removeListener(l);
        }
        listeners.clear();
        owner.closed(this);
    }

    @Override
    public ErrorInfo qryErrorInfo() {
        return lastError;
    }

    @Override
    public McdList<CoreModeInfo> qryCoreModes(int startIndex, int numModes) throws McdException {
        check();
        return call(() -> McdList.slice(List.of(new CoreModeInfo(1, "user"), new CoreModeInfo(4, "machine")),
                startIndex, Integer.toUnsignedLong(numModes), "core modes"));
    }

    @Override
    public String qryDeviceDescription() throws McdException {
        check();
        return "";
    }

    @Override
    public int qryMaxPayloadSize() throws McdException {
        check();
        return McdConstants.GUARANTEED_MIN_PAYLOAD;
    }

    @Override
    public int qryInputHandle() throws McdException {
        check();
        return -1;
    }

    @Override
    public McdList<MemSpace> qryMemSpaces(int startIndex, int num) throws McdException {
        check();
        Engine e = target.engine;
        long physMax = e.ramBase() + e.ramSize() - 1;
        List<MemSpace> all = List.of(
                new MemSpace(Layout.MEM_PHYSICAL, "physical", MemType.PHYSICAL.bit(), 8, 1, Endian.LITTLE, 0,
                        e.xlen() == 32 ? 0xFFFF_FFFFL : physMax, 0, 0, 0, 0),
                new MemSpace(Layout.MEM_REGISTERS, "registers", MemType.REGISTERS.bit(), 8, 1, Endian.LITTLE, 0,
                        regs.maxNumber(), 0, 0, 0, 0),
                new MemSpace(Layout.MEM_LOGICAL, "logical", MemType.LOGICAL.bit(), 8, 1, Endian.LITTLE, 0,
                        e.xlen() == 32 ? 0xFFFF_FFFFL : physMax, 0, 0, 0, 0));
        return call(() -> McdList.slice(all, startIndex, Integer.toUnsignedLong(num), "memory spaces"));
    }

    @Override
    public McdList<MemBlock> qryMemBlocks(int memSpaceId, int startIndex, int num) throws McdException {
        check();
        return call(() -> {
            if (!Layout.isMemory(memSpaceId) && memSpaceId != Layout.MEM_REGISTERS) {
                throw new McdException(McdErrorCode.MEM_SPACE_ID, "no memory space " + memSpaceId);
            }
            if (memSpaceId == Layout.MEM_REGISTERS) {
                throw new McdException(McdErrorCode.NO_MEM_BLOCKS, "the register space has no memory blocks");
            }
            Engine e = target.engine;
            List<MemBlock> all = new ArrayList<>();
            all.add(block(1, "test-finisher", 0x10_0000L, 0x10_0FFFL));
            all.add(block(2, "clint", 0x200_0000L, 0x200_FFFFL));
            all.add(block(3, "uart", 0x1000_0000L, 0x1000_00FFL));
            all.add(block(4, "ram", e.ramBase(), e.ramBase() + e.ramSize() - 1));
            return McdList.slice(all, startIndex, Integer.toUnsignedLong(num), "memory blocks");
        });
    }

    private static MemBlock block(int id, String name, long start, long end) {
        return new MemBlock(id, name, false, McdConstants.MEM_BLOCK_NOPARENT, start, end, Endian.LITTLE,
                List.of(1, 2, 4, 8), 0, 0, 0);
    }

    @Override
    public McdList<Integer> qryActiveOverlays(int startIndex, int num) throws McdException {
        check();
        return call(() -> {
            if (num != 0) {
                throw new McdException(McdErrorCode.OVERLAYS, "Rewind has no memory overlays");
            }
            return McdList.countOnly(0);
        });
    }

    @Override
    public McdList<RegisterGroup> qryRegGroups(int startIndex, int num) throws McdException {
        check();
        return call(() -> McdList.slice(regs.groups(), startIndex, Integer.toUnsignedLong(num), "register groups"));
    }

    @Override
    public McdList<RegisterInfo> qryRegMap(int regGroupId, int startIndex, int num) throws McdException {
        check();
        return call(() -> {
            List<RegisterInfo> g = regs.group(regGroupId);
            if (g == null) {
                throw new McdException(McdErrorCode.REG_GROUP_ID, "no register group " + regGroupId);
            }
            return McdList.slice(g, startIndex, Integer.toUnsignedLong(num), "registers");
        });
    }

    @Override
    public McdList<Integer> qryRegCompound(int compoundRegId, int startIndex, int num) throws McdException {
        check();
        return call(() -> {
            throw new McdException(McdErrorCode.REG_NOT_COMPOUND, "register " + compoundRegId
                    + " is not a compound register (Rewind has none)");
        });
    }

    @Override
    public TrigInfo qryTrigInfo() throws McdException {
        check();
        return new TrigInfo(TriggerRequests.SUPPORTED_TYPES, TriggerRequests.SUPPORTED_OPTIONS,
                TriggerRequests.SUPPORTED_ACTIONS, McdConstants.MAX_TRIGS, 0, 0, true);
    }

    @Override
    public McdList<CtrigInfo> qryCtrigs(int startIndex, int num) throws McdException {
        check();
        return call(() -> McdList.slice(List.<CtrigInfo>of(), 0, Integer.toUnsignedLong(num), "custom triggers"));
    }

    @Override
    public CreatedTrigger createTrig(Trigger trig) throws McdException {
        check();
        return call(() -> target.paused(() -> {
            if (target.triggers.ownedBy(hart).size() >= McdConstants.MAX_TRIGS) {
                throw new McdException(McdErrorCode.TRIG_CREATE, "this core has " + McdConstants.MAX_TRIGS
                        + " triggers already");
            }
            TriggerTable.Entry e = target.triggers.create(hart, trig);
            target.addEvents(-1, CoreEvent.TRIGGER_CHANGE.bit());
            return new CreatedTrigger(e.id, e.trig);
        }));
    }

    @Override
    public Trigger qryTrig(int trigId) throws McdException {
        check();
        return call(() -> target.paused(() -> target.triggers.get(hart, trigId).trig));
    }

    @Override
    public void removeTrig(int trigId) throws McdException {
        check();
        call(() -> target.paused(() -> {
            target.triggers.remove(hart, trigId);
            target.addEvents(-1, CoreEvent.TRIGGER_CHANGE.bit());
            return null;
        }));
    }

    @Override
    public TrigState qryTrigState(int trigId) throws McdException {
        check();
        return call(() -> target.paused(() -> {
            TriggerTable.Entry e = target.triggers.get(hart, trigId);
            return new TrigState(true, e.captured, true, 0, false);
        }));
    }

    /** Triggers are armed when created; activating the set re-arms it: captured states are cleared. */
    @Override
    public void activateTrigSet() throws McdException {
        check();
        call(() -> target.paused(() -> {
            for (TriggerTable.Entry e : target.triggers.ownedBy(hart)) {
                e.captured = false;
            }
            return null;
        }));
    }

    @Override
    public void removeTrigSet() throws McdException {
        check();
        call(() -> target.paused(() -> {
            target.triggers.removeAll(hart);
            target.addEvents(-1, CoreEvent.TRIGGER_CHANGE.bit());
            return null;
        }));
    }

    @Override
    public McdList<Integer> qryTrigSet(int startIndex, int num) throws McdException {
        check();
        return call(() -> target.paused(() -> {
            List<Integer> ids = new ArrayList<>();
            for (TriggerTable.Entry e : target.triggers.ownedBy(hart)) {
                ids.add(e.id);
            }
            return McdList.slice(ids, startIndex, Integer.toUnsignedLong(num), "trigger set");
        }));
    }

    @Override
    public TrigSetState qryTrigSetState() throws McdException {
        check();
        return call(() -> target.paused(() -> new TrigSetState(!target.triggers.ownedBy(hart).isEmpty(), 0, false, 0,
                false, target.traces.on(), true, false, false)));
    }

    @Override
    public <T> Optional<T> adapt(Class<T> type) {
        if (type == dev.rewind.mcd.disasm.Disassembly.class) {
            dev.rewind.emulator.isa.Disassembler d = new dev.rewind.emulator.isa.Disassembler(target.engine.xlen());
            return Optional.of(type.cast((dev.rewind.mcd.disasm.Disassembly) d::disassemble));
        }
        if (type == dev.rewind.mcd.instrument.Instrumentation.class) {
            return Optional.of(type.cast(new InstrumentationImpl(target)));
        }
        return type == TimeTravel.class ? Optional.of(type.cast(timeTravel)) : Optional.empty();
    }

    @Override
    public void addEventListener(McdEventListener listener) {
        Target.Listener l = ev -> listener.onEvent(this, ev, target.state(hart, false));
        if (listeners.putIfAbsent(listener, l) == null) {
            target.notifier.addListener(l);
        }
    }

    @Override
    public void removeEventListener(McdEventListener listener) {
        Target.Listener l = listeners.remove(listener);
        if (l != null) {
            target.notifier.removeListener(l);
        }
    }
}
