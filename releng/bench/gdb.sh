#!/bin/bash
# Rewind's GDB stub through gdb-multiarch: stepi, reverse-stepi and next round trips at increasing depths of a
# 4-hart run, one command:
#
#   releng/bench/gdb.sh [--marks N] [--reps N] [--harts N] [--qemu]
#
# Starts `./rewind gdb tests/guest/elf/ttbench-rv32.elf --harts 4 --port 0`, drives it with gdb-multiarch
# (gdb_rewind.py): at hart 0's k-th tt_mark (~1e6, 1e7, 1e8, 1e9 of its instructions; the machine's virtual time
# is about 4x that) it times `stepi`, the first `reverse-stepi` and the following ones, and `next`.
# --marks 3 (default) stays under a minute; --marks 4 adds the 1e9 depth (~2-3 minutes).
# --qemu: also QEMU 7.2's own record/replay reverse-stepi on one hart (timetravel.sh --no-rewind --quick),
# since QEMU refuses record/replay with more than one hart.
# Note the load average printed at the start and the end: other processes on the machine skew every figure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/releng/bench
ELF=$ROOT/tests/guest/elf/ttbench-rv32.elf
MARKS=3; REPS=5; HARTS=4; QEMU=0
while [ $# -gt 0 ]; do
    case $1 in
        --marks) MARKS=$2; shift ;;
        --reps) REPS=$2; shift ;;
        --harts) HARTS=$2; shift ;;
        --qemu) QEMU=1 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: $0 [--marks N] [--reps N] [--harts N] [--qemu]" >&2; exit 2 ;;
    esac
    shift
done
command -v gdb-multiarch >/dev/null || { echo "missing gdb-multiarch (apt-get install gdb-multiarch)" >&2; exit 2; }
T=$(mktemp -d /tmp/rewind-gdbbench.XXXXXX)
STUB=
cleanup() { [ -n "$STUB" ] && kill "$STUB" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
echo "== gdb.sh on $(hostname), $(nproc) CPUs; uptime:$(uptime)"

mkfifo "$T/in"
"$ROOT/rewind" gdb "$ELF" --harts "$HARTS" --port 0 <"$T/in" >"$T/stub.log" 2>&1 &
STUB=$!
exec 3>"$T/in"   # keeps the stub's standard input open; 'quit' on it ends the stub
PORT=
for _ in $(seq 1 3000); do   # up to 5 min: the first ./rewind builds the runtime
    PORT=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$T/stub.log" | head -1)
    [ -n "$PORT" ] && break
    kill -0 "$STUB" 2>/dev/null || break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "the stub did not start:" >&2; cat "$T/stub.log" >&2; exit 1; }
head -1 "$T/stub.log"

GB_PORT=$PORT GB_MARKS=$MARKS GB_REPS=$REPS GB_OUT=$T/rewind.tsv GB_STUB_PID=$STUB \
    timeout 600 gdb-multiarch -batch -nx -x "$HERE/gdb_rewind.py" "$ELF" >"$T/gdb.log" 2>&1
rc=$?
grep '^gdb_rewind' "$T/gdb.log"
if [ $rc != 0 ] || [ ! -s "$T/rewind.tsv" ]; then
    echo "gdb failed (exit $rc); its log:" >&2; sed 's/^/  | /' "$T/gdb.log" >&2; exit 1
fi
echo
echo "Rewind GDB stub, $HARTS harts, through gdb-multiarch (ms; reverse-stepi 'next' = median of the $REPS after the first;"
echo "stepi cold = right after reaching the depth, stepi = after a warm-up, with the CPU time gdb and the stub spent per stepi):"
printf '%14s %18s %18s %11s %10s %10s %10s %10s\n' "virtual time" "reverse-stepi 1st" "reverse-stepi next" "stepi cold" \
    "stepi" "gdb CPU" "stub CPU" "next"
while read -r at first rest stepi nxt cold gcpu scpu; do
    printf '%14s %18s %18s %11s %10s %10s %10s %10s\n' "$at" "$first" "$rest" "$cold" "$stepi" "$gcpu" "$scpu" "$nxt"
done <"$T/rewind.tsv"
echo quit >&3
exec 3>&-
wait "$STUB" 2>/dev/null
STUB=

if [ $QEMU = 1 ]; then
    echo; echo "== QEMU (one hart only): releng/bench/timetravel.sh --no-rewind --quick"
    "$HERE/timetravel.sh" --no-rewind --quick
fi
echo "uptime at the end:$(uptime)"
