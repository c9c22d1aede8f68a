package dev.rewind.symbols.info;

import java.util.List;
import java.util.Optional;

/** A struct, class or union with its members (empty and {@link #isDeclaration()} when incomplete). */
public final class StructType extends Type {

    public enum Kind {
        STRUCT("struct"), CLASS("class"), UNION("union");

        final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    /**
     * A member. {@code bitSize} is 0 for an ordinary member; for a bit field, {@code bitOffset} counts bits from
     * the start of the struct to the field's least significant bit (DW_AT_data_bit_offset, little-endian).
     */
    public record Member(String name, Type type, long byteOffset, int bitSize, long bitOffset) {
        public boolean isBitField() {
            return bitSize > 0;
        }
    }

    private final Kind kind;
    private final String tag;
    private final long size;
    private final boolean declaration;
    private List<Member> members = List.of();

    StructType(Kind kind, String tag, long size, boolean declaration) {
        this.kind = kind;
        this.tag = tag;
        this.size = size;
        this.declaration = declaration;
    }

    void members(List<Member> m) {
        members = List.copyOf(m);
    }

    public Kind kind() {
        return kind;
    }

    /** The tag ({@code node} of {@code struct node}), or null when anonymous. */
    public String tag() {
        return tag;
    }

    public boolean isDeclaration() {
        return declaration;
    }

    public List<Member> members() {
        return members;
    }

    public Optional<Member> member(String name) {
        for (Member m : members) {
            if (name.equals(m.name())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public long size() {
        return size;
    }
}
