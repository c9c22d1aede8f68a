package dev.rewind.symbols.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Inflates SHF_COMPRESSED sections (ELFCOMPRESS_ZLIB) as written by {@code --compress-debug-sections}. */
final class ElfDecompressor {

    private static final int ELFCOMPRESS_ZLIB = 1;
    private static final long MAX_SIZE = 1L << 30;

    private ElfDecompressor() {
    }

    static ByteBuffer inflate(ElfSection s, ByteBuffer raw, boolean is64) {
        int hdr = is64 ? 24 : 12;
        if (raw.limit() < hdr) {
            throw new ElfException(s.name() + ": compressed section shorter than its header");
        }
        int type = raw.getInt(0);
        long size = is64 ? raw.getLong(8) : raw.getInt(4) & 0xffff_ffffL;
        if (type != ELFCOMPRESS_ZLIB) {
            throw new ElfException(s.name() + ": unsupported compression type " + type);
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new ElfException(s.name() + ": implausible uncompressed size " + size);
        }
        byte[] in = new byte[raw.limit() - hdr];
        raw.get(hdr, in);
        byte[] out = new byte[(int) size];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            int n = inflater.inflate(out);
            if (n != size) {
                throw new ElfException(s.name() + ": inflated " + n + " bytes, header says " + size);
            }
        } catch (DataFormatException e) {
            throw new ElfException(s.name() + ": corrupt zlib data", e);
        } finally {
            inflater.end();
        }
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }
}
