#!/bin/bash
# Rewind vs QEMU benchmark on the guest programs of tests/guest.
#
# Usage: releng/bench/bench.sh [--qemu-only] [--runs N]
#   env: REWIND (default: <repo>/rewind), REWIND_HARTS_OPT (default "--harts"),
#        QEMU32/QEMU64 (default qemu-system-riscv32/64).
#
# QEMU half: wall time of `qemu-system-riscvXX -M virt -bios none -nographic -kernel X`,
#   median of N runs (default 3), minus the median start-up time of an empty program
#   (exit-code-rvXX.elf: prints "bye", exits 7).
# Rewind half: `$REWIND run X --stats` (and `$REWIND run X --stats --harts N` for bench-mt).
#   Expected --stats lines (matched case-insensitively, anywhere in stdout+stderr):
#       instructions: 1102494222        total retired instructions, all harts
#                                        ("total instructions", '=' instead of ':', and
#                                         digits grouped with ',' or '_' are accepted;
#                                         without such a line, per-hart lines
#                                         "hart K ... instructions: N" are summed)
#       wall: 3.21 s                     host wall time of the run ("ms" also accepted);
#                                        without it, the script's own timing is used
#       MIPS: 343.5                      (optional; recomputed from the two above)
# Instruction counts come from Rewind (deterministic, same ELF). Without ./rewind the
# script uses the counts measured with QEMU -icount (table below) and marks them "~".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ELF=$ROOT/tests/guest/elf
REWIND=${REWIND:-$ROOT/rewind}
HARTS_OPT=${REWIND_HARTS_OPT:---harts}
QEMU32=${QEMU32:-qemu-system-riscv32}
QEMU64=${QEMU64:-qemu-system-riscv64}
RUNS=3; QEMU_ONLY=0
while [ $# -gt 0 ]; do
    case $1 in
        --qemu-only) QEMU_ONLY=1 ;;
        --runs) RUNS=$2; shift ;;
        *) echo "usage: $0 [--qemu-only] [--runs N]" >&2; exit 2 ;;
    esac
    shift
done

# Instruction counts measured with QEMU -icount shift=0 and minstret (BENCH_REPORT_INSTRET build).
declare -A ICOUNT=([bench-rv32]=1102494222 [bench-rv64]=1135317915)

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

qemu_wall() {   # <xlen> <elf> <smp>: median wall seconds
    local q=QEMU$1 i t0 t1
    for i in $(seq "$RUNS"); do
        t0=$(now)
        timeout 600 "${!q}" -M virt -smp "$3" -bios none -nographic -kernel "$2" </dev/null >/dev/null 2>&1
        t1=$(now)
        echo "$t1 - $t0" | bc -l
    done | median
}

rewind_run() {  # <elf> [extra args]: prints "instructions wall_seconds", or fails
    local elf=$1; shift
    local out t0 t1 rc
    t0=$(now)
    out=$("$REWIND" run "$elf" --stats "$@" 2>&1 </dev/null); rc=$?
    t1=$(now)
    local insn wall
    insn=$(grep -iE '^[[:space:]]*(total[[:space:]]+)?instructions[[:space:]]*[:=]' <<<"$out" | head -1 \
           | sed -E 's/.*[:=][[:space:]]*([0-9][0-9_,]*).*/\1/; s/[_,]//g')
    if [ -z "$insn" ]; then
        insn=$(grep -iE 'hart[[:space:]]*[0-9]+.*instructions' <<<"$out" \
               | sed -E 's/.*instructions[^0-9]*([0-9][0-9_,]*).*/\1/; s/[_,]//g' | awk '{s+=$1} END {if (NR) print s}')
    fi
    wall=$(grep -iE '^[[:space:]]*wall' <<<"$out" | head -1 | sed -E 's/[^0-9]*([0-9.]+)[[:space:]]*(ms|s)?.*/\1 \2/')
    if [ -n "$wall" ]; then
        case $wall in *" ms") wall=$(echo "${wall% ms} / 1000" | bc -l) ;; *) wall=${wall%% *} ;; esac
    else
        wall=$(echo "$t1 - $t0" | bc -l)
    fi
    if [ -z "$insn" ]; then
        echo "rewind: no 'instructions: N' line in the output of '$REWIND run $elf --stats $*' (exit $rc):" >&2
        sed 's/^/  | /' <<<"$out" >&2
        return 1
    fi
    echo "$insn $wall"
}

echo "== QEMU (median of $RUNS, minus empty-program start-up) =="
declare -A QSEC
for x in 32 64; do
    base=$(qemu_wall $x "$ELF/exit-code-rv$x.elf" 1)
    raw=$(qemu_wall $x "$ELF/bench-rv$x.elf" 1)
    QSEC[bench-rv$x]=$(echo "$raw - $base" | bc -l)
    printf 'qemu rv%s: start-up %.3f s, bench %.3f s, net %.3f s\n' $x "$base" "$raw" "${QSEC[bench-rv$x]}"
done

have_rewind=1
if [ $QEMU_ONLY = 1 ]; then
    have_rewind=0
elif [ ! -x "$REWIND" ]; then
    echo "ERROR: Rewind launcher not found or not executable: $REWIND (set REWIND=..., or --qemu-only)" >&2
    have_rewind=0
fi

declare -A RINS RSEC
if [ $have_rewind = 1 ]; then
    echo "== Rewind =="
    for x in 32 64; do
        r=$(rewind_run "$ELF/bench-rv$x.elf") || { have_rewind=0; break; }
        RINS[bench-rv$x]=${r% *}; RSEC[bench-rv$x]=${r#* }
        echo "rewind rv$x: ${RINS[bench-rv$x]} instructions, ${RSEC[bench-rv$x]} s"
    done
fi

echo
printf '%-12s %14s %10s %12s %12s %14s\n' program instructions 'QEMU s' 'QEMU MIPS' 'Rewind MIPS' 'Rewind/QEMU'
for x in 32 64; do
    k=bench-rv$x
    if [ -n "${RINS[$k]:-}" ]; then ins=${RINS[$k]}; mark=""; else ins=${ICOUNT[$k]}; mark="~"; fi
    qm=$(echo "$ins / ${QSEC[$k]} / 1000000" | bc -l)
    if [ -n "${RSEC[$k]:-}" ]; then
        rm=$(echo "$ins / ${RSEC[$k]} / 1000000" | bc -l)
        printf '%-12s %14s %10.3f %12.1f %12.1f %14.3f\n' "$k" "$mark$ins" "${QSEC[$k]}" "$qm" "$rm" "$(echo "$rm / $qm" | bc -l)"
    else
        printf '%-12s %14s %10.3f %12.1f %12s %14s\n' "$k" "$mark$ins" "${QSEC[$k]}" "$qm" n/a n/a
    fi
done
[ -z "${RINS[bench-rv32]:-}" ] && echo "(~ = instruction count measured with QEMU -icount; Rewind's own count replaces it when ./rewind runs)"

if [ $have_rewind = 1 ]; then
    echo
    echo "== bench-mt on Rewind: ns per instruction, 1 vs 4 harts =="
    printf '%-16s %6s %14s %10s %10s\n' program harts instructions 'wall s' 'ns/insn'
    for x in 32 64; do
        for h in 1 4; do
            r=$(rewind_run "$ELF/bench-mt-rv$x.elf" "$HARTS_OPT" "$h") || { have_rewind=0; break 2; }
            ins=${r% *}; sec=${r#* }
            printf '%-16s %6d %14s %10.3f %10.3f\n' "bench-mt-rv$x" "$h" "$ins" "$sec" "$(echo "$sec * 1000000000 / $ins" | bc -l)"
        done
    done
fi
[ $have_rewind = 1 ] || [ $QEMU_ONLY = 1 ] || exit 1
