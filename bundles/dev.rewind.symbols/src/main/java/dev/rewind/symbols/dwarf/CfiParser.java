package dev.rewind.symbols.dwarf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the CIEs and FDEs of one call frame section (.debug_frame v1/3/4 or .eh_frame). */
final class CfiParser {

    private final DwarfCursor c;
    private final boolean eh;
    private final long sectionAddr;
    private final int addressSize;
    private final Map<Long, Cie> cies = new HashMap<>();

    CfiParser(DwarfCursor c, boolean eh, long sectionAddr, int addressSize) {
        this.c = c;
        this.eh = eh;
        this.sectionAddr = sectionAddr;
        this.addressSize = addressSize;
    }

    void parse(List<Fde> out, List<String> problems) {
        long offset = 0;
        while (offset < c.limit()) {
            long next;
            DwarfCursor.InitialLength len;
            long idPos;
            try {
                c.position(offset);
                len = c.initialLength();
                if (len.length() == 0 && eh) {
                    break; // .eh_frame terminator
                }
                idPos = c.position();
                next = idPos + len.length();
                if (len.length() > c.remaining()) {
                    problems.add(c.error("entry length " + len.length() + " runs past the end", offset).getMessage());
                    return;
                }
            } catch (DwarfException e) {
                problems.add(e.getMessage());
                return;
            }
            try {
                DwarfCursor entry = c.slice(0, next);
                entry.position(idPos);
                long id = entry.offset(len.dwarf64());
                boolean isCie = eh ? id == 0 : id == (len.dwarf64() ? -1L : 0xffff_ffffL);
                if (isCie) {
                    cieAt(offset);
                } else {
                    long cieOffset = eh ? idPos - id : id;
                    Fde f = fde(entry, offset, cieAt(cieOffset), next);
                    if (f != null) {
                        out.add(f);
                    }
                }
            } catch (DwarfException e) {
                problems.add("call frame entry at " + c.section() + "+0x" + Long.toHexString(offset) + ": "
                        + e.getMessage());
            }
            offset = next;
        }
    }

    private Cie cieAt(long offset) {
        Cie known = cies.get(offset);
        if (known != null) {
            return known;
        }
        if (offset < 0 || offset >= c.limit()) {
            throw c.error("CIE pointer 0x" + Long.toHexString(offset) + " outside the section", offset);
        }
        DwarfCursor e = c.slice(0, c.limit());
        e.position(offset);
        DwarfCursor.InitialLength len = e.initialLength();
        long end = e.position() + len.length();
        if (len.length() > e.remaining()) {
            throw e.error("CIE length " + len.length() + " runs past the end", offset);
        }
        e = e.slice(0, end);
        e.position(offset + (len.dwarf64() ? 12 : 4));
        long id = e.offset(len.dwarf64());
        if (eh ? id != 0 : id != (len.dwarf64() ? -1L : 0xffff_ffffL)) {
            throw e.error("no CIE at 0x" + Long.toHexString(offset), offset);
        }
        int version = e.u8();
        if (version != 1 && version != 3 && version != 4) {
            throw e.error("unsupported CIE version " + version, offset);
        }
        String aug = e.cstring();
        int addrSize = addressSize;
        if (version == 4) {
            addrSize = e.u8();
            int seg = e.u8();
            if (seg != 0) {
                throw e.error("segment selectors are not supported", offset);
            }
        }
        if (aug.contains("eh")) {
            e.address(addrSize); // GCC's ancient "eh" augmentation: a pointer
        }
        long codeAlign = e.uleb();
        long dataAlign = e.sleb();
        int ra = version == 1 ? e.u8() : (int) e.uleb();
        int fdeEnc = 0;
        boolean signal = false;
        if (aug.startsWith("z")) {
            long augLen = e.uleb();
            long augEnd = e.position() + augLen;
            for (int i = 1; i < aug.length(); i++) {
                switch (aug.charAt(i)) {
                    case 'R' -> fdeEnc = e.u8();
                    case 'L' -> e.u8();
                    case 'P' -> pointer(e, e.u8(), addrSize);
                    case 'S' -> signal = true;
                    default -> i = aug.length(); // unknown: the length lets us skip the rest
                }
            }
            e.position(augEnd);
        } else if (!aug.isEmpty() && !aug.equals("eh")) {
            throw e.error("unknown augmentation \"" + aug + "\"", offset);
        }
        Cie cie = new Cie(offset, version, aug, addrSize, codeAlign, dataAlign, ra, fdeEnc, signal, e.position(), end);
        cies.put(offset, cie);
        return cie;
    }

    private Fde fde(DwarfCursor e, long offset, Cie cie, long end) {
        int enc = eh ? cie.fdeEncoding() : 0;
        long begin = eh ? pointer(e, enc, cie.addressSize()) : e.address(cie.addressSize());
        long range = eh ? pointer(e, enc & 0x0f, cie.addressSize()) : e.address(cie.addressSize());
        if (cie.hasAugmentationData()) {
            e.skip(e.uleb());
        }
        return new Fde(offset, c.section(), cie, begin, begin + range, e.position(), end);
    }

    /** Reads a DW_EH_PE_* encoded pointer (absolute or pc-relative; the others are not used on bare metal). */
    private long pointer(DwarfCursor e, int enc, int addrSize) {
        if (enc == 0xff) {
            return 0;
        }
        long fieldAddr = sectionAddr + e.base() + e.position();
        long v = switch (enc & 0x0f) {
            case 0x00 -> e.address(addrSize);
            case 0x01 -> e.uleb();
            case 0x02 -> e.u16();
            case 0x03 -> e.u32();
            case 0x04 -> e.u64();
            case 0x09 -> e.sleb();
            case 0x0a -> e.s16();
            case 0x0b -> e.s32();
            case 0x0c -> e.s64();
            default -> throw e.error("unsupported pointer encoding 0x" + Integer.toHexString(enc));
        };
        long r = switch (enc & 0x70) {
            case 0x00 -> v;
            case 0x10 -> v + fieldAddr;
            default -> throw e.error("unsupported pointer application 0x" + Integer.toHexString(enc));
        };
        return addrSize == 4 ? r & 0xffff_ffffL : r;
    }
}
