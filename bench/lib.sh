# Shared by the benchmark scripts: a work folder kept on failure, and timing with peak memory.
# Source it after setting WORK_PREFIX; it sets WORK, HOME_DIR and GEN and defines now, secs and measure.

# GNU time reports peak RSS; without it (and without root to install it) measure polls /proc instead.
GNU_TIME=${GNU_TIME:-/usr/bin/time}
if [[ ! -x $GNU_TIME ]] && [[ $(id -u) == 0 ]]; then
    { apt-get install -y -qq time || { apt-get update -qq && apt-get install -y -qq time; }; } >/dev/null 2>&1 || true
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/${WORK_PREFIX}.XXXXXX")
HOME_DIR=$WORK/home
GEN=$WORK/gen
mkdir -p "$HOME_DIR/inbox" "$GEN"
# Keep the folder when something failed, so its logs can be read.
trap 'rc=$?; if [[ $rc == 0 && -z ${KEEP:-} ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# measure LOG CMD...: runs CMD (output to LOG), sets ELAPSED (s), PEAK_KIB and STATUS without aborting on failure.
measure() {
    local log=$1; shift
    local start; start=$(now)
    if [[ -x $GNU_TIME ]]; then
        STATUS=0
        "$GNU_TIME" -f '%M' -o "$log.rss" "$@" >"$log" 2>&1 || STATUS=$?
        PEAK_KIB=$(tail -n 1 "$log.rss")
    else
        "$@" >"$log" 2>&1 &
        local pid=$! hwm
        PEAK_KIB=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            [[ -n $hwm ]] && PEAK_KIB=$hwm
            sleep 0.1
        done
        STATUS=0
        wait "$pid" || STATUS=$?
    fi
    ELAPSED=$(secs "$start" "$(now)")
}
