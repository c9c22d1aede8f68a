# gdb-multiarch script (gdb -batch -x qemu_rr.py ELF) for releng/bench/timetravel.sh: QEMU 7.2's own
# reverse-stepi latency on a replay of a `-icount shift=0,rr=record` run of tests/guest ttbench.
#
# env: TT_QEMU   the QEMU replay command line (gdbstub on stdio, -S), started by `target remote | ...`
#      TT_MARKS  how many tt_mark depths to visit (1..4: ~1e6, 1e7, 1e8, 1e9 instructions)
#      TT_WARMUP untimed reverse-stepi per depth (default 1), TT_REPS timed ones (default 5)
#      TT_OUT    file to write one line per depth: icount median_ms min_ms max_ms n stepi_ms
#
# Reaching a depth reproducibly: the k-th call of tt_mark (hart 0 at tt_mark's entry with tt_marks_seen == k).
# A gdb breakpoint slows QEMU's replay ~30x, so for deep marks QEMU's own `replay_break <icount>` (HMP, through
# `monitor`) first runs at full speed to just before the mark (estimated from the two first marks), then a
# breakpoint finds the exact entry; the breakpoint is deleted before anything is timed. The icount there is
# read with `monitor info replay`. Each reverse-stepi is checked to move the icount back by exactly one.
import os
import re
import time

import gdb


def icount():
    s = gdb.execute("monitor info replay", to_string=True)
    m = re.search(r"instruction count = (\d+)", s)
    if not m:
        raise gdb.GdbError("unexpected 'info replay' answer: " + s)
    return int(m.group(1))


def val(expr):
    return int(gdb.parse_and_eval(expr)) & 0xffffffffffffffff


def run_to_mark(k, mark_pc, lower_bound):
    """Runs forward to the k-th tt_mark entry; lower_bound: an icount known to lie before it (or 0)."""
    if lower_bound > icount() + 100000:
        gdb.execute("monitor replay_break %d" % lower_bound, to_string=True)
        gdb.execute("continue", to_string=True)
        if icount() != lower_bound:
            raise gdb.GdbError("replay_break %d stopped at %d" % (lower_bound, icount()))
    if val("tt_marks_seen") > k:
        raise gdb.GdbError("overshot mark %d (tt_marks_seen %d)" % (k, val("tt_marks_seen")))
    gdb.execute("break tt_mark", to_string=True)
    while not (val("$pc") == mark_pc and val("tt_marks_seen") == k):
        gdb.execute("continue", to_string=True)
    gdb.execute("delete", to_string=True)
    return icount()


def timed(cmd):
    t0 = time.perf_counter()
    gdb.execute(cmd, to_string=True)
    return (time.perf_counter() - t0) * 1000.0


def main():
    marks = int(os.environ.get("TT_MARKS", "4"))
    warmup = int(os.environ.get("TT_WARMUP", "1"))
    reps = int(os.environ.get("TT_REPS", "5"))
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")
    gdb.execute("target remote | " + os.environ["TT_QEMU"], to_string=True)
    mark_pc = val("(unsigned long)&tt_mark")
    iters = [val("tt_mark_iters[%d]" % k) for k in range(4)]
    found = []
    rows = []
    for k in range(marks):
        if k == 0:
            bound = 0
        elif k == 1:   # at least 400 instructions per iteration (484 on RV32)
            bound = found[0] + (iters[1] - iters[0]) * 400
        else:
            per = (found[1] - found[0]) / (iters[1] - iters[0])
            bound = int(found[1] + (iters[k] - iters[1]) * per) - 50000
        t0 = time.perf_counter()
        at = run_to_mark(k, mark_pc, bound)
        found.append(at)
        reach = time.perf_counter() - t0
        steps = sorted(timed("stepi") for _ in range(3))   # forward round trip, for scale
        stepi = steps[1]
        times = []
        for i in range(warmup + reps):
            before = icount()
            ms = timed("reverse-stepi")
            if icount() != before - 1:
                raise gdb.GdbError("reverse-stepi went from icount %d to %d" % (before, icount()))
            if i >= warmup:
                times.append(ms)
        times.sort()
        n = len(times)
        med = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
        rows.append("%d %.3f %.3f %.3f %d %.3f" % (at, med, times[0], times[-1], n, stepi))
        print("# qemu: tt_mark %d at icount %d reached in %.1f s; reverse-stepi %.1f ms (%.1f..%.1f), stepi %.1f ms"
              % (k, at, reach, med, times[0], times[-1], stepi))
    with open(os.environ["TT_OUT"], "w") as f:
        f.write("# icount median_ms min_ms max_ms n stepi_ms\n" + "\n".join(rows) + "\n")
    try:
        gdb.execute("kill")
    except gdb.error:
        pass   # QEMU may already have closed the pipe ("Terminated via GDBstub")


try:
    main()
except Exception as e:  # gdb -batch would go on silently: make the failure visible and the exit code non-zero
    print("qemu_rr.py: error: %s" % e)
    try:
        gdb.execute("kill")
    except gdb.error:
        pass
    gdb.execute("quit 1")
