# Shared by the bench scripts (sourced after they set ROOT and M2).

# bench_classpath DIR MODULE...: copies each MODULE's target/classes (paths below ROOT) into DIR/classes, so that a
# build during the run cannot change them under it, and prints a class path of that copy and ASM.
bench_classpath() {
    local dir=$1 d
    shift
    mkdir -p "$dir/classes"
    for d in "$@"; do
        [ -d "$ROOT/$d/target/classes" ] && cp -r "$ROOT/$d/target/classes/." "$dir/classes/"
    done
    echo "$dir/classes:$(ls "$M2"/org/ow2/asm/asm/9.*/asm-9.*.jar 2>/dev/null | sort -V | tail -1)"
}

# median: the median of the numbers on standard input (nothing when there are none).
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
