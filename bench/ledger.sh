#!/usr/bin/env bash
# Ledger ingest benchmark: `perfeval once` on an N-line ledger versus sqlite3 importing and summing the same CSV.
# Usage: [RUNS=K] bench/ledger.sh [N]   (default 1000000 lines, 1 run). See bench/README.md.
set -euo pipefail

N=${1:-1000000}
RUNS=${RUNS:-1}   # RUNS=K: K runs of both on the same file, with the median ratio
[[ $N =~ ^[1-9][0-9]*$ && $RUNS =~ ^[1-9][0-9]?$ ]] || {
    echo "usage: [RUNS=K] $0 [N]   (N = ledger lines, default 1000000; K = runs, 1 to 99, default 1)" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PERFEVAL_JAR:-$ROOT/target/perfeval.jar}   # PERFEVAL_JAR: benchmark another build
[[ -f $JAR ]] || { echo "missing $JAR: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
for tool in java awk sqlite3; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done
WORK_PREFIX=perfeval-bench
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

# --- generate: ~5 lines per voucher, 50 projects, amounts to the fen; the budget covers each project's spending
# at a varied execution rate. Deterministic (fixed seed).
start=$(now)
LC_ALL=C awk -v n="$N" -v ledger="$GEN/ledger.csv" -v budget="$GEN/budget.csv" '
function yuan(fen,   s) { s = sprintf("%03.0f", fen); return substr(s, 1, length(s) - 2) "." substr(s, length(s) - 1) }
BEGIN {
    srand(20240901)
    split("30227 委托业务费|30201 办公费|30226 劳务费|30218 专用材料费|31002 办公设备购置|30213 维修（护）费", econ, "|")
    split("支付技术服务费|购买办公用品|支付劳务费|购买专用材料|购置办公设备|支付维修费", what, "|")
    print "会计年度,单位编码,凭证日期,凭证号,分录号,项目编码,摘要,经济分类科目,资金性质,支出金额" > ledger
    vouchers = int((n + 4) / 5)
    for (i = 0; i < n; i++) {
        v = int(i / 5)
        if (i % 5 == 0) { p = 1 + int(rand() * 50); date = sprintf("2024-%02d-%02d", 1 + int(v * 12 / vouchers), 1 + v % 28) }
        k = 1 + int(rand() * 6)
        fen = 1 + int(rand() * 200000)                              # up to 2,000.00 yuan
        spent[p] += fen
        printf "2024,901001,%s,记-%07d,%d,2024%03d,%s,%s,一般公共预算,%s\n", date, v + 1, i % 5 + 1, p, what[k], econ[k], yuan(fen) > ledger
    }
    print "年度,单位编码,单位名称,项目编码,项目名称,支出类型,资金性质,年初预算数,调整数,全年预算数" > budget
    for (p = 1; p <= 50; p++) {
        final = int(spent[p] * (1 + (p % 10) / 100)) + 100          # execution rates 91 %..100 %
        adjust = (p % 7 == 0) ? int(final / 5) : 0                   # a few mid-year additions
        printf "2024,901001,基准测试单位,2024%03d,基准测试项目%02d,项目支出,一般公共预算,%s,%s,%s\n", p, p, yuan(final - adjust), yuan(adjust), yuan(final) > budget
    }
}'
GEN_S=$(secs "$start" "$(now)")
BYTES=$(stat -c %s "$GEN/ledger.csv")

# --- one run: ours, then sqlite3 on the same file; sets OURS_S, OURS_STATUS, OURS_RSS_KIB, SQLITE_S, LEDGER_S and
# REPORTS_S. Every run starts from a fresh home folder and a fresh sqlite3 database.
run_pair() {
    rm -rf "$HOME_DIR" "$WORK/bench.db"
    mkdir -p "$HOME_DIR/inbox"
    # the budget is the older file, so `once` takes it first
    cp "$GEN/budget.csv" "$HOME_DIR/inbox/budget.csv"
    touch -d '-1 minute' "$HOME_DIR/inbox/budget.csv"
    ln "$GEN/ledger.csv" "$HOME_DIR/inbox/ledger.csv" 2>/dev/null || cp "$GEN/ledger.csv" "$HOME_DIR/inbox/ledger.csv"
    # The inbox takes a file once it has been unchanged for perfeval.inbox.read-lock-min-age-ms (10 s), a safety
    # wait against half-copied files. Exports in a real inbox are older than that, so the ledger is aged too: the
    # run measures processing, not that wait.
    touch -d '-30 seconds' "$HOME_DIR/inbox/ledger.csv"
    measure "$WORK/once.log" java -Xmx256m -jar "$JAR" once --home "$HOME_DIR"
    OURS_S=$ELAPSED OURS_STATUS=$STATUS OURS_RSS_KIB=$PEAK_KIB

    # sqlite3: import the same CSV into a fresh database and sum per project
    measure "$WORK/sqlite.log" sqlite3 "$WORK/bench.db" ".import --csv $GEN/ledger.csv ledger" \
        "SELECT 项目编码, SUM(支出金额) FROM ledger GROUP BY 1;"
    SQLITE_S=$ELAPSED
    [[ $STATUS == 0 ]] || { echo "sqlite3 failed:" >&2; tail -n 20 "$WORK/sqlite.log" >&2; exit 1; }

    # The parts of the run, from perfeval's log: the ledger file alone (from the budget's "ingested" line, just
    # before it starts, to its own: read, checked and stored exactly once), and the report set written afterwards.
    local parts
    parts=$(awk '
        function secs(t, h) { split(t, h, ":"); return h[1] * 3600 + h[2] * 60 + h[3] }
        / ingested budget\.csv: / { b = secs($2) }
        / ingested ledger\.csv: / { l = secs($2) }
        / reports written for / { for (i = 1; i <= NF; i++) if ($i == "in") r = $(i + 1) / 1000 }
        END { if (b && l) printf "%.2f %.2f", (l < b ? l + 86400 : l) - b, r; else print "0 0" }' \
        "$HOME_DIR/logs/perfeval.log")
    read -r LEDGER_S REPORTS_S <<<"$parts"
}

# RUNS=K repeats the pair K times on the same file (the machine's timings drift): one line per run, then the
# median, the range and how many runs were at most 3 x; the block below is then the last run's.
RATIOS=()
for (( run = 1; run <= RUNS; run++ )); do
    run_pair
    RATIO=$(awk -v a="$OURS_S" -v b="$SQLITE_S" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    RATIOS+=("$RATIO")
    if (( RUNS > 1 )); then
        awk -v i="$run" -v r="$RATIO" -v ours="$OURS_S" -v sq="$SQLITE_S" -v ledger="$LEDGER_S" -v rss="$OURS_RSS_KIB" \
            'BEGIN { printf "run %-12d ratio %.2f (perfeval %.2f s, sqlite %.2f s, ledger file %.2f s = %.2f x, peak %.1f MiB)\n",
                     i, r, ours, sq, ledger, (sq > 0 ? ledger / sq : 0), rss / 1024 }'
    fi
    (( OURS_STATUS == 0 )) || break
done
if (( RUNS > 1 && OURS_STATUS == 0 )); then
    printf '%s\n' "${RATIOS[@]}" | sort -n | awk -v k="$RUNS" '
        { r[NR] = $1; if ($1 <= 3) met++ }
        END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
              printf "ratio_median     %.2f over %d runs (min %.2f, max %.2f; at most 3 x: %d of %d)\n", m, k, r[1], r[NR], met, k }'
fi

awk -v n="$N" -v bytes="$BYTES" -v gen="$GEN_S" -v ours="$OURS_S" -v sq="$SQLITE_S" -v rss="$OURS_RSS_KIB" \
    -v ledger="$LEDGER_S" -v reports="$REPORTS_S" 'BEGIN {
    printf "lines            %d (%.1f MiB, generated in %.2f s)\n", n, bytes / 1048576, gen
    printf "perfeval_s       %.2f\n", ours
    printf "sqlite_s         %.2f\n", sq
    printf "ratio            %.2f (perfeval / sqlite)\n", (sq > 0 ? ours / sq : 0)
    printf "rows_per_s       %.0f\n", (ours > 0 ? n / ours : 0)
    printf "peak_rss_mib     %.1f\n", rss / 1024
    printf "ledger_file_s    %.2f (%.2f x sqlite: the ledger read, checked and stored, from the log)\n", ledger, (sq > 0 ? ledger / sq : 0)
    printf "reports_s        %.2f (the report set written after it)\n", reports
    printf "rest_s           %.2f (JVM and Camel start-up, the budget file, shutdown)\n", ours - ledger - reports
}'

if [[ $OURS_STATUS != 0 ]]; then
    echo "perfeval once failed (exit $OURS_STATUS); last log lines:" >&2
    tail -n 30 "$WORK/once.log" >&2
    exit 1
fi
