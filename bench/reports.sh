#!/usr/bin/env bash
# Report generation benchmark: `perfeval report` rewriting the report sets of D departments × P projects.
# Usage: [REPORT_RUNS=K] [ROUNDS=R] bench/reports.sh [DEPARTMENTS] [PROJECTS]   (default 50 200). See bench/README.md.
set -euo pipefail

DEPTS=${1:-50}
PROJECTS=${2:-200}
REPORT_RUNS=${REPORT_RUNS:-1}   # REPORT_RUNS=K: the report command K times, with the median
[[ $REPORT_RUNS =~ ^[1-9][0-9]?$ ]] || { echo "REPORT_RUNS must be 1 to 99" >&2; exit 2; }
[[ $DEPTS =~ ^[1-9][0-9]*$ && $PROJECTS =~ ^[1-9][0-9]*$ && $DEPTS -le 9999 ]] || {
    echo "usage: $0 [DEPARTMENTS] [PROJECTS]   (default 50 200; at most 9999 departments)" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${PERFEVAL_JAR:-$ROOT/target/perfeval.jar}   # PERFEVAL_JAR: benchmark another build
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}                 # for both commands
[[ -f $JAR ]] || { echo "missing $JAR: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
for tool in java awk; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done
WORK_PREFIX=perfeval-bench-reports
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

# --- generate, per department: a budget (P projects + 人员经费 + 公用经费, in 元), a modest ledger (3 vouchers per
# project, 12 per basic line), 5 indicators per project (quantity, cost, date, qualitative, satisfaction; some not met), and one
# profile file for all departments. Deterministic (fixed seed). Execution rates vary from 50 % to 100 %; every 25th
# project is a mid-year addition (LATE_BUDGET_ADDITION), every 10th is 政府性基金预算.
start=$(now)
LC_ALL=C awk -v depts="$DEPTS" -v projects="$PROJECTS" -v gen="$GEN" '
function yuan(fen,   s) { s = sprintf("%03.0f", fen); return substr(s, 1, length(s) - 2) "." substr(s, length(s) - 1) }
BEGIN {
    srand(20241124)
    split("30227 委托业务费|30201 办公费|30226 劳务费|30218 专用材料费|31002 办公设备购置|30213 维修（护）费", econ, "|")
    profile = gen "/profile.csv"
    print "年度,单位编码,单位名称,编制数,在职人数,退休人数,总人数,内设机构数,三公经费预算数,上年三公经费支出,政府采购预算数,政府采购实际数" > profile
    lines = 0; indicators = 0
    for (d = 1; d <= depts; d++) {
        dept = sprintf("91%04d", d); name = sprintf("基准测试单位%04d", d)
        budget = sprintf("%s/budget-%s.csv", gen, dept)
        ledger = sprintf("%s/ledger-%s.csv", gen, dept)
        ind = sprintf("%s/indicators-%s.csv", gen, dept)
        print "年度,单位编码,单位名称,项目编码,项目名称,支出类型,资金性质,年初预算数,调整数,全年预算数" > budget
        print "会计年度,单位编码,凭证日期,凭证号,分录号,项目编码,摘要,经济分类科目,资金性质,支出金额" > ledger
        print "年度,单位编码,项目编码,项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,偏差原因分析及改进措施" > ind
        v = 0
        # basic expenditure: 12 monthly payments each, fully spent
        split("JB001|JB002", basicCode, "|"); split("人员经费|公用经费", basicType, "|"); split("30101 基本工资|30201 办公费", basicEcon, "|")
        for (b = 1; b <= 2; b++) {
            month = 50000000 + int(rand() * 50000000)                 # 50万–100万 a month, in fen
            printf "2024,%s,%s,%s,%s,%s,一般公共预算,%s,0.00,%s\n", dept, name, basicCode[b], basicType[b], basicType[b], yuan(12 * month), yuan(12 * month) > budget
            for (m = 1; m <= 12; m++) {
                printf "2024,%s,2024-%02d-15,记-%06d,1,%s,%s,%s,一般公共预算,%s\n", dept, m, ++v, basicCode[b], basicType[b], basicEcon[b], yuan(month) > ledger
                lines++
            }
        }
        for (p = 1; p <= projects; p++) {
            code = sprintf("2024%04d", p); pname = sprintf("基准测试项目%04d", p)
            fund = (p % 10 == 0) ? "政府性基金预算" : "一般公共预算"
            final = 1000000 + int(rand() * 500000000)                  # 1万–500万, in fen
            late = (p % 25 == 0)
            adjust = late ? final : ((p % 7 == 0) ? int(final / 5) : 0)
            printf "2024,%s,%s,%s,%s,项目支出,%s,%s,%s,%s\n", dept, name, code, pname, fund, yuan(final - adjust), yuan(adjust), yuan(final) > budget
            rate = 0.5 + (p % 11) * 0.05; if (rate > 1) rate = 1    # 50 %–100 %
            spent = int(final * rate); left = spent
            for (k = 1; k <= 3; k++) {
                amount = (k < 3) ? int(spent / 3) : left; left -= amount
                e = 1 + int(rand() * 6)
                printf "2024,%s,2024-%02d-%02d,记-%06d,1,%s,%s,%s,%s,%s\n", dept, 3 * k, 1 + p % 28, ++v, code, pname, econ[e], fund, yuan(amount) > ledger
                lines++
            }
            target = 10 + p % 90; actual = (p % 5 == 0) ? int(target * 0.8) : target
            printf "2024,%s,%s,%s,产出指标,数量指标,完成数量,≥%d个,%d个,%s\n", dept, code, pname, target, actual, (actual < target ? "部分任务顺延至下年度" : "") > ind
            printf "2024,%s,%s,%s,产出指标,成本指标,项目成本,≤%s万元,%s万元,\n", dept, code, pname, yuan(final / 10000), yuan(spent / 10000) > ind
            printf "2024,%s,%s,%s,产出指标,时效指标,完成时间,2024年12月31日前,2024年%d月%d日,\n", dept, code, pname, 6 + p % 7, 1 + p % 28 > ind
            printf "2024,%s,%s,%s,效益指标,社会效益指标,服务水平,有效提升,%s,\n", dept, code, pname, (p % 9 == 0 ? "基本达到" : "有效提升") > ind
            printf "2024,%s,%s,%s,满意度指标,服务对象满意度指标,群众满意度,≥90%%,%d%%,\n", dept, code, pname, 88 + p % 12 > ind
            indicators += 5
        }
        close(budget); close(ledger); close(ind)
        printf "2024,%s,%s,%d,%d,%d,%d,%d,%s,%s,%s,%s\n", dept, name, 90, 80 + d % 15, 30, 110 + d % 15, 12, "300000.00", "310000.00", "5000000.00", "4800000.00" > profile
    }
    close(profile)
    printf "%d %d\n", lines, indicators > (gen "/counts")
}'
GEN_S=$(secs "$start" "$(now)")
read -r LEDGER_LINES INDICATORS <"$GEN/counts"

# --- ingest with `once`: budgets are the oldest files (taken first), then ledgers, indicators, the profile. Every
# file is aged past the inbox read lock (perfeval.inbox.read-lock-min-age-ms, 10 s) so `once` does not wait on it.
for f in "$GEN"/budget-*.csv; do cp "$f" "$HOME_DIR/inbox/"; done
touch -d '-4 minutes' "$HOME_DIR"/inbox/budget-*.csv
for f in "$GEN"/ledger-*.csv; do cp "$f" "$HOME_DIR/inbox/"; done
touch -d '-3 minutes' "$HOME_DIR"/inbox/ledger-*.csv
for f in "$GEN"/indicators-*.csv; do cp "$f" "$HOME_DIR/inbox/"; done
touch -d '-2 minutes' "$HOME_DIR"/inbox/indicators-*.csv
cp "$GEN/profile.csv" "$HOME_DIR/inbox/"
touch -d '-1 minute' "$HOME_DIR/inbox/profile.csv"
FILES=$(find "$HOME_DIR/inbox" -maxdepth 1 -type f | wc -l)

# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
measure "$WORK/once.log" java $JAVA_OPTS -jar "$JAR" once --home "$HOME_DIR"
ONCE_S=$ELAPSED
if [[ $STATUS != 0 ]]; then
    echo "perfeval once failed (exit $STATUS); last log lines:" >&2
    tail -n 30 "$WORK/once.log" >&2
    exit 1
fi

# --- the measured run: rewrite every department's report set and the year's summary from the database;
# REPORT_RUNS=K runs the command K times (each a fresh JVM), the figures below are the last run's.
REPORT_TIMES=()
for (( run = 1; run <= REPORT_RUNS; run++ )); do
    # shellcheck disable=SC2086
    measure "$WORK/report.log" java $JAVA_OPTS -jar "$JAR" report --home "$HOME_DIR"
    REPORT_S=$ELAPSED REPORT_STATUS=$STATUS REPORT_RSS_KIB=$PEAK_KIB
    if [[ $REPORT_STATUS != 0 ]]; then
        echo "perfeval report failed (exit $REPORT_STATUS); last log lines:" >&2
        tail -n 30 "$WORK/report.log" >&2
        exit 1
    fi
    REPORT_TIMES+=("$REPORT_S")
done
WRITTEN=$(find "$HOME_DIR/outbox/2024" -mindepth 2 -maxdepth 2 -name manifest.json | wc -l)
[[ $WRITTEN == "$DEPTS" && -f $HOME_DIR/outbox/2024/summary.xlsx ]] || {
    echo "expected $DEPTS report sets and summary.xlsx, found $WRITTEN" >&2; exit 1; }
# the service's own figure: from its log line "reports written for N department-year(s) in M ms" (no JVM start-up)
IN_PROCESS_MS=$(sed -n 's/.*reports written for [0-9]* department-year(s) in \([0-9]*\) ms.*/\1/p' "$WORK/report.log" | tail -n 1)

# --- the same regeneration inside the long-running service, as after an ingest or in the nightly consolidation:
# `run` is started on the same home, then a corrected 单位基本情况 file (one number changed; the same name replaces
# the earlier one) is dropped ROUNDS times. It names every department, so each drop makes the service rewrite all
# the report sets; its log says how long that took. The first round runs on a freshly started JVM, the later ones
# on code the JIT has compiled by then.
ROUNDS=${ROUNDS:-5}
PORT=$(( 20000 + $$ % 10000 ))
while (: >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$(( PORT + 1 )); done
# shellcheck disable=SC2086
PERFEVAL_HTTP_PORT=$PORT java $JAVA_OPTS -jar "$JAR" run --home "$HOME_DIR" >"$WORK/run.log" 2>&1 &
RUN_PID=$!
stop_service() { kill "$RUN_PID" 2>/dev/null || true; wait "$RUN_PID" 2>/dev/null || true; }
# wait_for LOG PATTERN COUNT SECONDS: until LOG has COUNT lines matching PATTERN; fails after SECONDS or when the service died
wait_for() {
    local deadline=$(( SECONDS + $4 ))
    until [[ $(grep -c -- "$2" "$1" 2>/dev/null) -ge $3 ]]; do
        if (( SECONDS > deadline )) || ! kill -0 "$RUN_PID" 2>/dev/null; then
            echo "perfeval run: no '$2' in $1 within $4 s; last log lines:" >&2
            tail -n 30 "$1" >&2
            stop_service
            exit 1
        fi
        sleep 0.2
    done
}
wait_for "$WORK/run.log" "Apache Camel .* started" 1 120
SERVICE_MS=()
for (( round = 1; round <= ROUNDS; round++ )); do
    # 编制数 90 + round: new bytes under the same name, so the file is read and replaces the earlier profile
    awk -F, -v OFS=, -v n=$(( 90 + round )) 'NR > 1 { $4 = n } { print }' "$GEN/profile.csv" >"$WORK/profile.csv"
    touch -d '-1 minute' "$WORK/profile.csv"
    mv "$WORK/profile.csv" "$HOME_DIR/inbox/profile.csv"   # a rename: the service never sees half a file
    wait_for "$WORK/run.log" "reports written for $DEPTS department-year(s)" "$round" 300
    SERVICE_MS+=("$(sed -n "s/.*reports written for $DEPTS department-year(s) in \([0-9]*\) ms.*/\1/p" "$WORK/run.log" \
        | sed -n "${round}p")")
done
stop_service

awk -v d="$DEPTS" -v p="$PROJECTS" -v files="$FILES" -v lines="$LEDGER_LINES" -v ind="$INDICATORS" -v gen="$GEN_S" \
    -v once="$ONCE_S" -v rep="$REPORT_S" -v inproc="${IN_PROCESS_MS:-0}" -v rss="$REPORT_RSS_KIB" \
    -v service="${SERVICE_MS[*]}" -v reports="${REPORT_TIMES[*]}" 'BEGIN {
    printf "departments      %d\n", d
    printf "projects         %d (%d per department)\n", d * p, p
    printf "inputs           %d files, %d ledger lines, %d indicators (generated in %.2f s, ingested by once in %.2f s)\n", files, lines, ind, gen, once
    printf "report_s         %.2f (java -jar perfeval.jar report, JVM start-up included)\n", rep
    k = split(reports, times, " ")
    if (k > 1) {
        for (i = 2; i <= k; i++) for (j = i; j > 1 && times[j] + 0 < times[j - 1] + 0; j--) { t = times[j]; times[j] = times[j - 1]; times[j - 1] = t }
        printf "report_s_median  %.2f over %d runs (%s)\n", (k % 2 ? times[(k + 1) / 2] : (times[k / 2] + times[k / 2 + 1]) / 2), k, reports
    }
    printf "s_per_dept       %.3f\n", rep / d
    printf "in_process_s     %.2f (its log: reports written for %d department-years)\n", inproc / 1000, d
    printf "in_process_s_per_dept %.3f\n", inproc / 1000 / d
    printf "peak_rss_mib     %.1f\n", rss / 1024
    rounds = split(service, ms, " ")
    line = ""
    for (i = 1; i <= rounds; i++) line = line sprintf(" %.2f", ms[i] / 1000)
    printf "service_s       %s (perfeval run: each round rewrites all %d sets; round 1 on a fresh JVM)\n", line, d
    printf "service_s_warm   %.2f (the last round; %.3f s per department)\n", ms[rounds] / 1000, ms[rounds] / 1000 / d
}'
