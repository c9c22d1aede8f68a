# gdb-multiarch script (gdb -batch -nx -x gdb_rewind.py ELF) for releng/bench/gdb.sh: round trips of Rewind's GDB
# stub as gdb sees them, at increasing depths of a 4-hart run of tests/guest ttbench.
#
# env: GB_PORT   the stub's port on 127.0.0.1 (./rewind gdb ... --port P)
#      GB_MARKS  how many tt_mark depths to visit (1..4: hart 0 at ~1e6, 1e7, 1e8, 1e9 instructions)
#      GB_REPS   timed repetitions per figure (default 5)
#      GB_WARMUP stepi + reverse-stepi pairs per depth before the warm `stepi` is timed, and as many timed (default 50)
#      GB_STUB_PID the stub's process id (for its CPU time per stepi; optional)
#      GB_OUT    file to write one line per depth: time first_rstepi_ms median_rstepi_ms stepi_ms next_ms
#                cold_stepi_ms gdb_cpu_ms stub_cpu_ms
#
# At the k-th call of tt_mark (break tt_mark; continue; the breakpoint is deleted before timing):
# `stepi` forward round trip, the median of GB_REPS right after reaching the mark ("cold": at the first mark the
# stub's JIT has compiled little of the stepping path yet); the first `reverse-stepi` there (restores a snapshot and
# replays), then the median of the following ones; `stepi` again after GB_WARMUP stepi/reverse-stepi pairs that come
# back to the same place (the median of GB_WARMUP, with the CPU time gdb and the stub spent per stepi); and `next`
# (range stepping, vCont;r) in the caller, where the reverse steps landed. Each reverse-stepi is checked to move the
# virtual time back (monitor time).
import os
import re
import resource
import statistics
import time

import gdb


def now():
    s = gdb.execute("monitor time", to_string=True)
    m = re.search(r"time (\d+)", s)
    if not m:
        raise gdb.GdbError("unexpected 'monitor time' answer: " + s)
    return int(m.group(1))


def timed(cmd):
    t0 = time.perf_counter()
    gdb.execute(cmd, to_string=True)
    return (time.perf_counter() - t0) * 1000.0


def gdb_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def stub_cpu():
    """The stub process's user+system CPU seconds (every thread), or 0 without GB_STUB_PID."""
    pid = os.environ.get("GB_STUB_PID")
    if not pid:
        return 0.0
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    marks = int(os.environ.get("GB_MARKS", "3"))
    reps = int(os.environ.get("GB_REPS", "5"))
    warmup = int(os.environ.get("GB_WARMUP", "50"))
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")
    gdb.execute("target remote 127.0.0.1:" + os.environ["GB_PORT"], to_string=True)
    rows = []
    for k in range(marks):
        t0 = time.perf_counter()
        gdb.execute("break tt_mark", to_string=True)
        gdb.execute("continue", to_string=True)
        gdb.execute("delete", to_string=True)
        reach = time.perf_counter() - t0
        seen = int(gdb.parse_and_eval("tt_marks_seen"))
        at = now()
        cold = statistics.median(timed("stepi") for _ in range(reps))
        before = now()
        first = timed("reverse-stepi")
        if now() >= before:
            raise gdb.GdbError("reverse-stepi did not go back at time %d" % before)
        rest = []
        for _ in range(reps):
            t = now()
            rest.append(timed("reverse-stepi"))
            if now() >= t:
                raise gdb.GdbError("reverse-stepi did not go back at time %d" % t)
        # warm stepi: after `warmup` untimed pairs, `warmup` timed ones (CPU times need that many: the kernel counts
        # them in clock ticks), then as many reverse-stepi back to the same place
        for _ in range(warmup):
            gdb.execute("stepi", to_string=True)
        for _ in range(warmup):
            gdb.execute("reverse-stepi", to_string=True)
        c0, s0 = gdb_cpu(), stub_cpu()
        stepi = statistics.median(timed("stepi") for _ in range(warmup))
        gcpu = (gdb_cpu() - c0) * 1000.0 / warmup
        scpu = (stub_cpu() - s0) * 1000.0 / warmup
        for _ in range(warmup):
            gdb.execute("reverse-stepi", to_string=True)
        # now before the call of tt_mark, in the caller's loop: `next` over its C lines
        nxt = statistics.median(timed("next") for _ in range(reps))
        rows.append((at, first, statistics.median(rest), stepi, nxt, cold, gcpu, scpu))
        print("gdb_rewind: mark %d (tt_marks_seen %d) at time %d, reached in %.1f s: reverse-stepi first %.1f ms, "
              "then %.2f ms; stepi %.2f ms (cold %.2f ms; CPU per stepi: gdb %.2f ms, stub %.2f ms); next %.2f ms"
              % (k, seen, at, reach, first, statistics.median(rest), stepi, cold, gcpu, scpu, nxt))
    with open(os.environ["GB_OUT"], "w") as out:
        for r in rows:
            out.write("%d %.3f %.3f %.3f %.3f %.3f %.3f %.3f\n" % r)


main()
