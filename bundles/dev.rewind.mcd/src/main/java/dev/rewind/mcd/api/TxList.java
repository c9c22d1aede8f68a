package dev.rewind.mcd.api;

import java.util.List;

/** mcd_txlist_st: transactions and the number that succeeded without any error. */
public record TxList(List<Tx> tx, int numTxOk) {
    public TxList {
        tx = List.copyOf(tx);
        if (numTxOk < 0 || numTxOk > tx.size()) {
            throw new IllegalArgumentException("num_tx_ok " + numTxOk + " outside 0.." + tx.size());
        }
    }

    public static TxList of(Tx... txs) {
        return new TxList(List.of(txs), 0);
    }

    public int numTx() {
        return tx.size();
    }
}
