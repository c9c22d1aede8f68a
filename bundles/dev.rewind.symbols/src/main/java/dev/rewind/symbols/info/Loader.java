package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every unit of .debug_info; a unit that fails is reported and skipped, the others still load. */
final class Loader {
    private Loader() {
    }

    static ModelBuilder load(Sections s) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Die> dies = new HashMap<>();
        Map<Long, Long> typeUnits = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        DieReader reader = new DieReader(s);
        DwarfCursor info = s.cursor(".debug_info");
        while (info.remaining() > 0) {
            long at = info.position();
            Unit u;
            try {
                u = new Unit(s, info, typeUnits);
            } catch (DwarfException e) {
                problems.add(new Problem(at, "unreadable unit header, the rest of .debug_info is skipped: "
                        + e.getMessage()));
                break;
            }
            Map<Long, Die> unitDies = new HashMap<>();
            try {
                reader.read(u, info, unitDies);
                dies.putAll(unitDies);
                units.add(u);
                if (u.unitType == Dw.UT_TYPE) {
                    typeUnits.put(u.typeSignature, u.offset + u.typeOffset);
                }
            } catch (DwarfException e) {
                problems.add(new Problem(at, e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(new Problem(at, "unreadable DIEs: " + e));
            }
            info.position(u.end);
        }
        ModelBuilder b = new ModelBuilder(dies, problems);
        for (Unit u : units) {
            try {
                b.unit(u);
            } catch (RuntimeException e) {
                problems.add(new Problem(u.offset, "unit not modelled: " + e.getMessage()));
            }
            u.release();
        }
        return b;
    }
}
