package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdTxlistException;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxAccessType;
import dev.rewind.mcd.api.TxList;
import java.util.ArrayList;
import java.util.List;

/**
 * mcd_execute_txlist_f for one hart: memory transactions on the physical space, register
 * transactions on the register space (one register per transaction, little endian, up to
 * the register's size). Executes in order and aborts at the first failure with the partial
 * result. Runs with the machine paused.
 */
final class TxExecutor {
    private final Target target;
    private final int hart;
    private final RiscvRegisters regs;

    TxExecutor(Target target, int hart, RiscvRegisters regs) {
        this.target = target;
        this.hart = hart;
        this.regs = regs;
    }

    TxList execute(TxList list) throws McdException {
        if (list.numTx() > dev.rewind.mcd.api.McdConstants.TX_NUM_MAX) {
            throw McdException.param("transaction list has " + list.numTx() + " transactions, at most "
                    + dev.rewind.mcd.api.McdConstants.TX_NUM_MAX + " are allowed");
        }
        return target.paused(() -> run(list));
    }

    private TxList run(TxList list) throws McdException {
        List<Tx> done = new ArrayList<>(list.tx());
        boolean wroteMem = false;
        boolean wroteReg = false;
        for (int i = 0; i < done.size(); i++) {
            Tx tx = done.get(i);
            boolean write = tx.accessType() != TxAccessType.R;
            try {
                Tx result = tx.addr().memSpaceId() == Layout.MEM_REGISTERS ? register(tx) : memory(tx);
                done.set(i, result);
                wroteMem |= write && tx.addr().memSpaceId() != Layout.MEM_REGISTERS;
                wroteReg |= write && tx.addr().memSpaceId() == Layout.MEM_REGISTERS;
            } catch (TxFailure f) {
                done.set(i, tx.completed(tx.data(), f.ok));
                finish(wroteMem, wroteReg);
                McdErrorCode code = f.other ? McdErrorCode.TXLIST_TX
                        : write ? McdErrorCode.TXLIST_WRITE : McdErrorCode.TXLIST_READ;
                throw new McdTxlistException(code, "transaction " + i + ": " + f.getMessage(), new TxList(done, i));
            }
        }
        finish(wroteMem, wroteReg);
        return new TxList(done, done.size());
    }

    private void finish(boolean wroteMem, boolean wroteReg) {
        if (wroteMem) {
            target.addEvents(-1, CoreEvent.MEMORY_CHANGE.bit());
        }
        if (wroteReg) {
            target.addEvents(hart, CoreEvent.REGISTER_CHANGE.bit());
        }
    }

    /** A failed transaction with the number of bytes that did succeed. */
    private static final class TxFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int ok;
        final boolean other;

        TxFailure(String msg, int ok, boolean other) {
            super(msg);
            this.ok = ok;
            this.other = other;
        }
    }

    private Tx memory(Tx tx) throws TxFailure {
        if (!Layout.isMemory(tx.addr().memSpaceId())) {
            throw new TxFailure("no memory space " + tx.addr().memSpaceId(), 0, true);
        }
        Engine e = target.engine;
        byte[] data = tx.data();
        long addr = tx.addr().address();
        if (tx.accessType() == TxAccessType.W || tx.accessType() == TxAccessType.WR) {
            int ok = chunked(addr, data, true);
            if (ok < data.length) {
                throw new TxFailure("write at 0x" + Long.toHexString(addr + ok) + " failed", ok, false);
            }
        }
        if (tx.accessType() == TxAccessType.R || tx.accessType() == TxAccessType.WR) {
            byte[] back = new byte[data.length];
            int ok = chunked(addr, back, false);
            if (ok < data.length) {
                throw new TxFailure("read at 0x" + Long.toHexString(addr + ok) + " failed", ok, false);
            }
            if (tx.accessType() == TxAccessType.WR && !java.util.Arrays.equals(back, data)) {
                throw new TxFailure("verify after write failed", 0, false);
            }
            data = back;
        }
        if (tx.accessType() == TxAccessType.RW) {
            byte[] old = new byte[data.length];
            int ok = chunked(addr, old, false);
            if (ok == data.length) {
                ok = chunked(addr, data, true);
            }
            if (ok < data.length) {
                throw new TxFailure("swap at 0x" + Long.toHexString(addr + ok) + " failed", ok, false);
            }
            data = old;
        }
        return tx.completed(data, data.length);
    }

    /** Bytes accessed before the first inaccessible byte (page-sized chunks, then bytewise). */
    private int chunked(long addr, byte[] buf, boolean write) {
        Engine e = target.engine;
        int done = 0;
        while (done < buf.length) {
            int n = (int) Math.min(buf.length - done, 4096 - ((addr + done) & 4095));
            try {
                access(e, addr + done, buf, done, n, write);
                done += n;
            } catch (RuntimeException whole) {
                for (int i = 0; i < n; i++) {
                    try {
                        access(e, addr + done, buf, done, 1, write);
                    } catch (RuntimeException one) {
                        return done;
                    }
                    done++;
                }
            }
        }
        return done;
    }

    private static void access(Engine e, long addr, byte[] buf, int off, int len, boolean write) {
        if (write) {
            e.writeMemory(addr, buf, off, len);
        } else {
            e.readMemory(addr, buf, off, len);
        }
    }

    private Tx register(Tx tx) throws TxFailure {
        long num = tx.addr().address();
        int size = regs.bytes();
        if (!regs.exists(num)) {
            throw new TxFailure("no register number " + Long.toUnsignedString(num), 0, true);
        }
        if (tx.numBytes() > size) {
            throw new TxFailure("register " + num + " has " + size + " bytes, not " + tx.numBytes(), 0, true);
        }
        Engine e = target.engine;
        byte[] data = tx.data();
        long old = readReg(e, (int) num);
        if (tx.accessType() != TxAccessType.R) {
            long v = old;
            for (int i = 0; i < data.length; i++) {
                v = (v & ~(0xFFL << (8 * i))) | ((data[i] & 0xFFL) << (8 * i));
            }
            try {
                writeReg(e, (int) num, v);
            } catch (RuntimeException ex) {
                throw new TxFailure("register " + num + " is not writable: " + ex.getMessage(), 0, false);
            }
        }
        if (tx.accessType() == TxAccessType.W) {
            return tx.completed(data, data.length);
        }
        long v = tx.accessType() == TxAccessType.RW ? old : readReg(e, (int) num);
        byte[] out = new byte[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return tx.completed(out, out.length);
    }

    private long readReg(Engine e, int num) {
        if (num < 32) {
            return e.reg(hart, num);
        }
        if (num == RiscvRegisters.PC) {
            return e.pc(hart);
        }
        return e.csr(hart, num - RiscvRegisters.CSR_BASE);
    }

    private void writeReg(Engine e, int num, long v) {
        if (num < 32) {
            e.setReg(hart, num, v);
        } else if (num == RiscvRegisters.PC) {
            e.setPc(hart, v);
        } else {
            e.setCsr(hart, num - RiscvRegisters.CSR_BASE, v);
        }
    }
}
