package dev.rewind.mcd.api;

/**
 * mcd_execute_txlist_f aborted at a failing transaction (TXLIST_READ, TXLIST_WRITE or
 * TXLIST_TX). {@link #result()} is the transaction list as far as it was executed:
 * {@code numTxOk} transactions succeeded, the failing one carries its partial
 * {@code numBytesOk}, the rest are untouched.
 */
public final class McdTxlistException extends McdException {
    private static final long serialVersionUID = 1L;

    private final transient TxList result;

    public McdTxlistException(McdErrorCode code, String info, TxList result) {
        super(code, info);
        this.result = result;
    }

    public TxList result() {
        return result;
    }
}
