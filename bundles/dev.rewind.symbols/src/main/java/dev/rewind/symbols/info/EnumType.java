package dev.rewind.symbols.info;

import java.util.List;
import java.util.Optional;

/** An enumeration and its enumerators. */
public final class EnumType extends Type {

    public record Enumerator(String name, long value) {
    }

    private final String tag;
    private final long size;
    private final boolean signed;
    private List<Enumerator> enumerators = List.of();

    EnumType(String tag, long size, boolean signed) {
        this.tag = tag;
        this.size = size;
        this.signed = signed;
    }

    void enumerators(List<Enumerator> e) {
        enumerators = List.copyOf(e);
    }

    public String tag() {
        return tag;
    }

    public boolean isSigned() {
        return signed;
    }

    public List<Enumerator> enumerators() {
        return enumerators;
    }

    public Optional<Enumerator> byValue(long v) {
        return enumerators.stream().filter(e -> e.value() == v).findFirst();
    }

    @Override
    public long size() {
        return size;
    }
}
