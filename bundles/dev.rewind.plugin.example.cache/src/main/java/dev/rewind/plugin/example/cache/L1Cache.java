package dev.rewind.plugin.example.cache;

/**
 * A set-associative cache with LRU replacement that only keeps tags (a model, not storage): {@link #access} says
 * whether the line holding an address was present, and brings it in. Accesses that straddle two lines touch both
 * (a hit only if both hit).
 */
public final class L1Cache {
    private final int lineBits;
    private final int sets;
    private final int ways;
    private final long[] tags;
    private final long[] used;
    private long tick;
    private long hits;
    private long misses;

    /**
     * @param size     bytes (a power of two)
     * @param ways     associativity
     * @param lineSize bytes per line (a power of two)
     */
    public L1Cache(int size, int ways, int lineSize) {
        if (Integer.bitCount(size) != 1 || Integer.bitCount(lineSize) != 1 || ways < 1 || size < ways * lineSize) {
            throw new IllegalArgumentException("cache " + size + " B, " + ways + " ways, " + lineSize
                    + " B lines: size and line size must be powers of two, size at least ways * line size");
        }
        this.lineBits = Integer.numberOfTrailingZeros(lineSize);
        this.sets = size / (ways * lineSize);
        this.ways = ways;
        this.tags = new long[sets * ways];
        this.used = new long[sets * ways];
        java.util.Arrays.fill(tags, -1);
    }

    /** Accesses {@code size} bytes at {@code addr}; true on a hit. */
    public boolean access(long addr, int size) {
        long first = addr >>> lineBits;
        long last = (addr + size - 1) >>> lineBits;
        boolean hit = line(first);
        if (last != first) {
            hit &= line(last);
        }
        if (hit) {
            hits++;
        } else {
            misses++;
        }
        return hit;
    }

    private boolean line(long line) {
        int set = (int) Long.remainderUnsigned(line, sets);
        int base = set * ways;
        int victim = base;
        tick++;
        for (int w = base; w < base + ways; w++) {
            if (tags[w] == line) {
                used[w] = tick;
                return true;
            }
            if (used[w] < used[victim]) {
                victim = w;
            }
        }
        tags[victim] = line;
        used[victim] = tick;
        return false;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    /** Hits per access (0 when there was none). */
    public double hitRate() {
        long n = hits + misses;
        return n == 0 ? 0 : (double) hits / n;
    }
}
