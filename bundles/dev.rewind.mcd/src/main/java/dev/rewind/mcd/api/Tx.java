package dev.rewind.mcd.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * mcd_tx_st: one memory or register transaction. {@code data} always has {@code numBytes}
 * bytes: the bytes to write, or after execution the bytes read. Register data is little
 * endian; memory data is in the target's (little endian) order. {@code options} is a
 * {@link TxOption} mask. The array is copied in and out: a Tx is immutable.
 */
public record Tx(Addr addr, TxAccessType accessType, int options, int accessWidth, int coreMode, byte[] data,
        int numBytes, int numBytesOk) {

    public Tx {
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(accessType, "accessType");
        Objects.requireNonNull(data, "data");
        if (data.length != numBytes) {
            throw new IllegalArgumentException("data has " + data.length + " bytes, num_bytes is " + numBytes);
        }
        if (numBytesOk < 0 || numBytesOk > numBytes) {
            throw new IllegalArgumentException("num_bytes_ok " + numBytesOk + " outside 0.." + numBytes);
        }
        data = data.clone();
    }

    public static Tx read(Addr addr, int numBytes) {
        return new Tx(addr, TxAccessType.R, 0, 0, 0, new byte[numBytes], numBytes, 0);
    }

    public static Tx write(Addr addr, byte[] data) {
        return new Tx(addr, TxAccessType.W, 0, 0, 0, data, data.length, 0);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** This transaction after execution: data replaced (for reads) and numBytesOk set. */
    public Tx completed(byte[] newData, int ok) {
        return new Tx(addr, accessType, options, accessWidth, coreMode, newData, numBytes, ok);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tx t && addr.equals(t.addr) && accessType == t.accessType && options == t.options
                && accessWidth == t.accessWidth && coreMode == t.coreMode && Arrays.equals(data, t.data)
                && numBytes == t.numBytes && numBytesOk == t.numBytesOk;
    }

    @Override
    public int hashCode() {
        return Objects.hash(addr, accessType, options, accessWidth, coreMode, Arrays.hashCode(data), numBytes,
                numBytesOk);
    }

    @Override
    public String toString() {
        return "Tx[" + accessType + " " + addr + " " + numBytes + " bytes, ok " + numBytesOk + "]";
    }
}
