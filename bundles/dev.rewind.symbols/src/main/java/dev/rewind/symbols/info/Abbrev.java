package dev.rewind.symbols.info;

/**
 * One abbreviation declaration: a DIE's tag, whether it has children, and its attribute specifications (names,
 * forms, and the values of DW_FORM_implicit_const). The arrays are never modified after parsing.
 */
record Abbrev(long code, int tag, boolean hasChildren, int[] attributes, int[] forms, long[] implicitConsts) {

    int indexOf(int attribute) {
        for (int i = 0; i < attributes.length; i++) {
            if (attributes[i] == attribute) {
                return i;
            }
        }
        return -1;
    }
}
