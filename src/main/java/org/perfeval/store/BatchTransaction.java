package org.perfeval.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.CrashPoints;
import org.perfeval.model.BudgetLine;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Indicator;
import org.perfeval.model.IngestBatch;
import org.perfeval.model.LedgerLine;
import org.perfeval.report.Wan;

/**
 * One file's ingestion as one database transaction (SPEC §3.6): rows are inserted as they are read,
 * and at commit what the file replaces is removed — the earlier file of the same name, the earlier
 * lines of its vouchers, the earlier budget and indicators of its projects, the earlier profile of its
 * departments. Closing without commit rolls everything back.
 */
public final class BatchTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTransaction.class);
    private static final int FLUSH_EVERY = 5_000;
    private static final String[] ROW_TABLES = {"budget_line", "ledger_line", "ledger_total", "indicator",
            "department_profile", "ingest_finding"};
    private static final String LEDGER_GROUP = "fiscal_year, dept_code, project_code, econ_class, fund_source";
    /** An earlier voucher (o) of a month outside this file's first and last month, bound in that order. */
    private static final String OTHER_MONTH = "(o.voucher_month < ? OR o.voucher_month > ?)";
    /** Joins ledger_voucher o to n on the voucher key, o being another file's. */
    private static final String SAME_VOUCHER = " ON o.dept_code = n.dept_code AND o.fiscal_year = n.fiscal_year"
            + " AND o.voucher_no = n.voucher_no AND o.batch_id <> n.batch_id";
    /** Rows of table %1$s sharing a voucher with the batch bound to its parameter. */
    private static final String SHARED_VOUCHER = "EXISTS (SELECT 1 FROM ledger_voucher n WHERE n.batch_id = ?"
            + " AND n.dept_code = %1$s.dept_code AND n.fiscal_year = %1$s.fiscal_year AND n.voucher_no = %1$s.voucher_no)";

    private final Connection connection;
    private final Dialect dialect;
    private final long batchId;
    private final String fileName;
    private final Set<DeptYear> touched = new HashSet<>();
    /** Set at commit: an earlier file of this name, of other fiscal years, stays in force beside this one. */
    private boolean keptEarlierOfSameName;
    private final List<PreparedStatement> statements = new ArrayList<>();
    private PreparedStatement budget;
    private PreparedStatement ledger;
    private PreparedStatement voucher;
    private PreparedStatement indicator;
    private PreparedStatement profile;
    private PreparedStatement finding;
    private int pending;
    private int lastYear;
    private String lastDept;
    private LedgerVoucher lastVoucher;
    private boolean committed;
    private final Map<String, Long> idsBefore;
    private final Map<LedgerKey, long[]> ledgerTotals = new HashMap<>();
    /**
     * Each voucher date's ISO text, made once per file: a file has a few hundred dates but up to millions of lines.
     * Formatting per line also had the JIT recompile the writer when the months reached two digits (LocalDate's
     * toString branches on them; seen with -XX:+LogCompilation).
     */
    private final Map<LocalDate, String> dateTexts = new HashMap<>();
    /** Log lines about what the commit did, written once it is done (a rolled-back file did nothing). */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private long ledgerLinesAdded;
    private long budgetLinesAdded;
    private long ledgerLinesSummed;

    /** A voucher of the file: its lines replace the earlier lines of the same voucher (SPEC §3.6). */
    private record LedgerVoucher(int fiscalYear, String deptCode, String voucherNo) {
    }

    /** What ledger lines are summed by in {@code ledger_total}. */
    private record LedgerKey(int fiscalYear, String deptCode, String projectCode, String econClass, String fundSource) {
    }

    BatchTransaction(Connection connection, Dialect dialect, String fileName) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.fileName = fileName;
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ingest_batch (file_name, sha256, status,"
                + " started_at) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, fileName);
            ps.setString(2, ""); // set at commit: a file may be hashed while it is read
            ps.setString(3, "INGESTING");
            ps.setString(4, Instant.now().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                batchId = rs.getLong(1);
            }
        }
        idsBefore = highestIds();
    }

    public long batchId() {
        return batchId;
    }

    /** Adds one canonical record of any kind. */
    public void add(Object record) throws SQLException {
        if (record instanceof LedgerLine l) {
            addLedger(l);
        } else if (record instanceof BudgetLine b) {
            addBudget(b);
        } else if (record instanceof Indicator i) {
            addIndicator(i);
        } else if (record instanceof DepartmentProfile p) {
            addProfile(p);
        } else {
            throw new IllegalArgumentException("not a canonical record: " + record);
        }
        if (++pending >= FLUSH_EVERY) {
            flush();
        }
    }

    private void addLedger(LedgerLine l) throws SQLException {
        if (ledger == null) {
            ledger = prepare("INSERT INTO ledger_line (batch_id, source_row, fiscal_year, dept_code, voucher_date,"
                    + " voucher_no, entry_no, project_code, summary, econ_class, function_class, fund_source, amount)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        PreparedStatement ps = ledger;
        ps.setLong(1, batchId);
        ps.setInt(2, l.lineage().sourceRow());
        ps.setInt(3, l.fiscalYear());
        ps.setString(4, l.deptCode());
        ps.setString(5, l.voucherDate() == null ? null : dateText(l.voucherDate()));
        ps.setString(6, l.voucherNo());
        ps.setString(7, l.entryNo());
        ps.setString(8, l.projectCode());
        ps.setString(9, l.summary());
        ps.setString(10, l.econClass());
        ps.setString(11, l.functionClass());
        ps.setString(12, l.fundSource());
        ps.setLong(13, Fen.of(l.amount()));
        ps.addBatch();
        ledgerLinesAdded++;
        touch(l.fiscalYear(), l.deptCode());
        addVoucher(l);
    }

    /**
     * Records the line's voucher once per file: a voucher's lines come one after another in an export, so only a
     * change of voucher is inserted, and a voucher met again further down is ignored by the primary key.
     */
    private void addVoucher(LedgerLine l) throws SQLException {
        if (l.voucherNo() == null || lastVoucher != null && lastVoucher.fiscalYear() == l.fiscalYear()
                && lastVoucher.voucherNo().equals(l.voucherNo()) && lastVoucher.deptCode().equals(l.deptCode())) {
            return;
        }
        LedgerVoucher key = new LedgerVoucher(l.fiscalYear(), l.deptCode(), l.voucherNo());
        lastVoucher = key;
        if (voucher == null) {
            voucher = prepare("INSERT INTO ledger_voucher (batch_id, fiscal_year, dept_code, voucher_no, voucher_month)"
                    + " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
        }
        voucher.setLong(1, batchId);
        voucher.setInt(2, key.fiscalYear());
        voucher.setString(3, key.deptCode());
        voucher.setString(4, key.voucherNo());
        voucher.setString(5, l.voucherDate() == null ? null : dateText(l.voucherDate()).substring(0, "yyyy-MM".length()));
        voucher.addBatch();
    }

    /** The ISO text of a date, made once per date of the file rather than once per line. */
    private String dateText(LocalDate date) {
        return dateTexts.computeIfAbsent(date, LocalDate::toString);
    }

    private void addBudget(BudgetLine b) throws SQLException {
        if (budget == null) {
            budget = prepare("INSERT INTO budget_line (batch_id, source_row, fiscal_year, dept_code, dept_name,"
                    + " project_code, project_name, expense_type, fund_source, function_class, budget_initial,"
                    + " budget_adjustment, budget_carryover, budget_final, spent_reported, doc_no)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        budgetLinesAdded++;
        PreparedStatement ps = budget;
        ps.setLong(1, batchId);
        ps.setInt(2, b.lineage().sourceRow());
        ps.setInt(3, b.fiscalYear());
        ps.setString(4, b.deptCode());
        ps.setString(5, b.deptName());
        ps.setString(6, b.projectCode());
        ps.setString(7, b.projectName());
        ps.setString(8, b.expenseType());
        ps.setString(9, b.fundSource());
        ps.setString(10, b.functionClass());
        Fen.set(ps, 11, b.budgetInitial());
        Fen.set(ps, 12, b.budgetAdjustment());
        Fen.set(ps, 13, b.budgetCarryover());
        Fen.set(ps, 14, b.budgetFinal());
        Fen.set(ps, 15, b.spentReported());
        ps.setString(16, b.docNo());
        ps.addBatch();
        touch(b.fiscalYear(), b.deptCode());
    }

    private void addIndicator(Indicator i) throws SQLException {
        if (indicator == null) {
            indicator = prepare("INSERT INTO indicator (batch_id, source_row, fiscal_year, dept_code, project_code,"
                    + " project_name, level1, level2, name, target, actual, weight, direction, unit, manual_score,"
                    + " deviation_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        PreparedStatement ps = indicator;
        ps.setLong(1, batchId);
        ps.setInt(2, i.lineage().sourceRow());
        ps.setInt(3, i.fiscalYear());
        ps.setString(4, i.deptCode());
        ps.setString(5, i.projectCode());
        ps.setString(6, i.projectName());
        ps.setString(7, i.level1());
        ps.setString(8, i.level2());
        ps.setString(9, i.name());
        ps.setString(10, i.target());
        ps.setString(11, i.actual());
        ps.setString(12, plain(i.weight()));
        ps.setString(13, i.direction());
        ps.setString(14, i.unit());
        ps.setString(15, plain(i.manualScore()));
        ps.setString(16, i.deviationReason());
        ps.addBatch();
        touch(i.fiscalYear(), i.deptCode());
    }

    private void addProfile(DepartmentProfile p) throws SQLException {
        if (profile == null) {
            profile = prepare("INSERT INTO department_profile (batch_id, source_row, fiscal_year, dept_code,"
                    + " dept_name, staff_quota, staff_active, staff_retired, staff_total, units_count,"
                    + " three_public_budget, three_public_prior, procurement_budget, procurement_actual)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        PreparedStatement ps = profile;
        ps.setLong(1, batchId);
        ps.setInt(2, p.lineage().sourceRow());
        ps.setInt(3, p.fiscalYear());
        ps.setString(4, p.deptCode());
        ps.setString(5, p.deptName());
        setInt(ps, 6, p.staffQuota());
        setInt(ps, 7, p.staffActive());
        setInt(ps, 8, p.staffRetired());
        setInt(ps, 9, p.staffTotal());
        setInt(ps, 10, p.unitsCount());
        Fen.set(ps, 11, p.threePublicBudget());
        Fen.set(ps, 12, p.threePublicPrior());
        Fen.set(ps, 13, p.procurementBudget());
        Fen.set(ps, 14, p.procurementActual());
        ps.addBatch();
        touch(p.fiscalYear(), p.deptCode());
    }

    /**
     * Counts a ledger line into the file's sums. Separate from {@link #add} so that the reading
     * thread can do it while the writing thread stores lines; call it from one thread only.
     *
     * @throws ArithmeticException when a sum would exceed what a 64-bit number of fen holds (about
     *         9.2 × 10^16 yuan): the file cannot be summed exactly
     */
    public void sum(LedgerLine l) {
        long[] total = ledgerTotals.computeIfAbsent(new LedgerKey(l.fiscalYear(), l.deptCode(), l.projectCode(),
                l.econClass(), l.fundSource()), k -> new long[2]);
        total[0] = Math.addExact(total[0], Fen.of(l.amount()));
        total[1]++;
        ledgerLinesSummed++;
    }

    /** A problem found in the file itself, such as a 合计 row that does not add up. */
    public void addFinding(String code, String severity, Integer sourceRow, String message) throws SQLException {
        addFinding(code, severity, sourceRow, null, message);
    }

    /** A finding of this file about one department-year only ({@code about}; null: every one the file feeds). */
    private void addFinding(String code, String severity, Integer sourceRow, DeptYear about, String message)
            throws SQLException {
        if (finding == null) {
            finding = prepare("INSERT INTO ingest_finding (batch_id, code, severity, source_row, message, fiscal_year,"
                    + " dept_code) VALUES (?,?,?,?,?,?,?)");
        }
        finding.setLong(1, batchId);
        finding.setString(2, code);
        finding.setString(3, severity);
        if (sourceRow == null) {
            finding.setNull(4, Types.INTEGER);
        } else {
            finding.setInt(4, sourceRow);
        }
        finding.setString(5, message);
        if (about == null) {
            finding.setNull(6, Types.INTEGER);
            finding.setNull(7, Types.VARCHAR);
        } else {
            finding.setInt(6, about.fiscalYear());
            finding.setString(7, about.deptCode());
        }
        finding.addBatch();
    }

    /**
     * Removes what this file replaces, records its outcome and commits. With several nodes the files'
     * transactions do this one at a time, each seeing what the others committed before it: the rows
     * were inserted side by side, but which rows a file replaces is decided in commit order.
     *
     * @param content the bytes the rows were read from
     * @return the department-years whose figures may have changed
     * @throws SameBytesIngested when these bytes are stored already: by another node while this file was read, or
     *                           as a file of unrecorded size (stored before schema version 5)
     */
    public Set<DeptYear> commit(FileContent content, String kind, String layout, int headerRow, int rowsRead,
                                int rowsIngested, int rowsRejected, String message) throws SQLException, SameBytesIngested {
        requireNotStopping();
        flush();
        dialect.lockTransaction(connection, "perfeval-ingest-commit");
        Optional<IngestBatch> same = IngestStore.findIngested(connection, content.sha256(), batchId);
        if (same.isPresent()) {
            throw new SameBytesIngested(same.get());
        }
        // before the same-name replacement: an adjustment file exported under the full budget's name replaces it too
        reportInitialBudgetsReplaced();
        replaceEarlierFileOfSameName();
        insertLedgerTotals();
        recordLedgerRange();
        replaceEarlierLinesOfVouchers();
        replaceByKey("budget_line", "o.fiscal_year = n.fiscal_year AND o.dept_code = n.dept_code"
                + " AND o.project_code = n.project_code");
        replaceByKey("indicator", "o.fiscal_year = n.fiscal_year AND o.dept_code = n.dept_code"
                + " AND o.project_code = n.project_code");
        replaceByKey("department_profile", "o.fiscal_year = n.fiscal_year AND o.dept_code = n.dept_code");
        // committed with the rows: a crash before the reports are written leaves them marked out of date
        ReportMarks.mark(connection, touched);
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ingest_batch SET kind = ?, layout = ?,"
                + " header_row = ?, rows_read = ?, rows_ingested = ?, rows_rejected = ?, status = ?, finished_at = ?,"
                + " message = ?, sha256 = ?, file_size = ? WHERE id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, layout);
            ps.setInt(3, headerRow);
            ps.setInt(4, rowsRead);
            ps.setInt(5, rowsIngested);
            ps.setInt(6, rowsRejected);
            ps.setString(7, IngestBatch.Status.INGESTED.name());
            ps.setString(8, Instant.now().toString());
            ps.setString(9, message);
            ps.setString(10, content.sha256());
            ps.setLong(11, content.size());
            ps.setLong(12, batchId);
            ps.executeUpdate();
        }
        requireNotStopping();
        CrashPoints.reach(CrashPoints.BEFORE_COMMIT);
        connection.commit();
        committed = true;
        afterCommit.forEach(Runnable::run);
        return touched;
    }

    /**
     * Camel interrupts a file's thread when the service stops and the file did not finish within the shutdown timeout:
     * the file must then be rolled back and stay in the inbox (SPEC §9). Committed after the interrupt, it had been
     * stored but left in the inbox, and the next start called it a duplicate.
     */
    private static void requireNotStopping() throws SQLException {
        if (Thread.currentThread().isInterrupted()) {
            throw new SQLException("the service is stopping: not committed", new InterruptedException());
        }
    }

    /** After {@link #commit}: whether an earlier file of this name stays in force (its rows are of other years). */
    public boolean keptEarlierOfSameName() {
        return keptEarlierOfSameName;
    }

    /** A project's initial budget and carry-over (in fen) that this file replaces, from {@code earlierFile}. */
    private record ReplacedBudget(String project, String earlierFile, long fen) {
    }

    /** The same bytes were committed by another node while this file was being read: this one is a duplicate. */
    public static final class SameBytesIngested extends Exception {
        private final transient IngestBatch earlier;

        SameBytesIngested(IngestBatch earlier) {
            super("same bytes as batch " + earlier.id());
            this.earlier = earlier;
        }

        public IngestBatch earlier() {
            return earlier;
        }
    }

    /**
     * A corrected export under the same name replaces everything the earlier one contributed. An earlier file whose
     * rows are all of other department-years than this one's is no earlier version of it: finance systems export
     * under a fixed default name ({@code 支出明细账.csv}) year after year, and every department of a bureau sends its
     * {@code 2024年单位基本情况.csv}; taking next year's export, or another department's, for a correction had emptied
     * the earlier one's figures. Both are kept, and the log says so; unless the earlier file's years were in doubt
     * ({@link #yearsInDoubt}): then the new one corrects them.
     */
    private void replaceEarlierFileOfSameName() throws SQLException {
        List<Long> earlier = batches("SELECT id FROM ingest_batch WHERE file_name = ? AND status = ? AND id <> ?",
                fileName, IngestBatch.Status.INGESTED.name(), batchId);
        Set<DeptYear> own = new TreeSet<>();
        own.addAll(touched);
        for (long old : earlier) {
            Set<DeptYear> others = departmentYears(old);
            if (!own.isEmpty() && !others.isEmpty() && Collections.disjoint(own, others) && !yearsInDoubt(old)) {
                keptEarlierOfSameName = true;
                String ownText = describe(own);
                String othersText = describe(others);
                afterCommit.add(() -> LOG.info("《{}》与较早的同名文件（批次 {}）的单位或年度不同（{} 与 {}），不是它的更正文件：二者都保留。"
                        + " '{}' has the name of an earlier file (batch {}) of other departments or fiscal years ({}"
                        + " against {}): it is no correction of it, and both are kept.", fileName, old, ownText,
                        othersText, fileName, old, ownText, othersText));
                continue;
            }
            deleteLedgerLines(old, false);
            for (String table : ROW_TABLES) {
                if (table.equals("ledger_line")) {
                    continue; // deleted above, within the file's range: the lines have no index on their batch
                }
                // ledger_total names the same department-years as ledger_line, from a few rows instead of a scan
                if (!table.equals("ingest_finding")) {
                    collectTouched("SELECT DISTINCT fiscal_year, dept_code FROM " + table + " WHERE batch_id = ?", old);
                }
                deleteOfBatch(table, old);
            }
            deleteOfBatch("ledger_voucher", old);
            try (PreparedStatement ps = connection.prepareStatement("UPDATE ingest_batch SET status = ?, message = ?"
                    + " WHERE id = ?")) {
                ps.setString(1, IngestBatch.Status.REPLACED.name());
                ps.setString(2, "已被同名的更正文件（批次 " + batchId + "）替换。 Replaced by batch " + batchId
                        + ", a corrected file of the same name.");
                ps.setLong(3, old);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Deletes earlier rows sharing a key with this batch's rows. Driven from this batch's rows, found
     * by their id range, through the key index: its cost follows the new file, not the history.
     */
    private void replaceByKey(String table, String sameKey) throws SQLException {
        long before = idsBefore.get(table);
        if (before == 0 && dialect.singleWriter()) {
            return; // the table was empty and nobody else wrote since: nothing to replace
        }
        String replaced = "SELECT o.id FROM " + table + " n JOIN " + table + " o ON " + sameKey
                + " WHERE n.id > ? AND n.batch_id = ? AND o.batch_id <> ?";
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE id IN (" + replaced + ")")) {
            bindReplaced(ps, before);
            ps.executeUpdate();
        }
    }

    /**
     * An INITIAL_BUDGET_REPLACED finding on this file: projects it lists without any 年初预算 or 上年结转 (an adjustment
     * file of 追加/调减 only, or a report with 全年预算数 alone) had them in an earlier file of another name, and SPEC
     * §3.6's newest-file rule replaces them: the projects now count as added during the year. Said, because the
     * figures change that much (预算调整率 291 % instead of 104 % in one tester's run) without a word otherwise.
     */
    private void reportInitialBudgetsReplaced() throws SQLException {
        if (budgetLinesAdded == 0) {
            return;
        }
        // driven by this file's projects without any initial budget or carry-over: the cost follows the file
        Map<DeptYear, List<ReplacedBudget>> replaced = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT o.fiscal_year, o.dept_code, o.project_code,"
                + " MIN(b.file_name), SUM(o.budget_initial + o.budget_carryover) FROM (SELECT fiscal_year, dept_code,"
                + " project_code FROM budget_line WHERE batch_id = ? AND id > ? GROUP BY fiscal_year, dept_code,"
                + " project_code HAVING SUM(ABS(budget_initial) + ABS(budget_carryover)) = 0) k JOIN budget_line o"
                + " ON o.fiscal_year = k.fiscal_year AND o.dept_code = k.dept_code AND o.project_code = k.project_code"
                + " JOIN ingest_batch b ON b.id = o.batch_id WHERE o.batch_id <> ?"
                + " GROUP BY o.fiscal_year, o.dept_code, o.project_code"
                + " HAVING SUM(ABS(o.budget_initial) + ABS(o.budget_carryover)) > 0"
                + " ORDER BY o.fiscal_year, o.dept_code, o.project_code")) {
            ps.setLong(1, batchId);
            ps.setLong(2, idsBefore.get("budget_line"));
            ps.setLong(3, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replaced.computeIfAbsent(new DeptYear(rs.getInt(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new ReplacedBudget(rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        for (Map.Entry<DeptYear, List<ReplacedBudget>> e : replaced.entrySet()) {
            DeptYear key = e.getKey();
            ReplacedBudget first = e.getValue().get(0);
            String amount = Wan.withUnit(Fen.toYuan(e.getValue().stream().mapToLong(ReplacedBudget::fen).sum()));
            int count = e.getValue().size();
            afterCommit.add(() -> LOG.warn("《{}》中单位 {} {} 年度的 {} 个项目（如“{}”）没有年初预算和上年结转，按“同一项目以较新文件的预算为准”"
                    + "的规则替换了较早文件《{}》等中的 {} 年初预算和上年结转；如果本文件只是追加调整指标，请导出包含年初预算的完整预算文件。"
                    + " {} projects of department {} in {} in '{}' (such as '{}') have no initial budget or carry-over and"
                    + " replaced the earlier {} of '{}' and others, as the newest budget of a project does; if this"
                    + " file holds adjustments only, export the whole budget instead.", fileName, key.deptCode(),
                    key.fiscalYear(), count, first.project(), first.earlierFile(), amount, count, key.deptCode(),
                    key.fiscalYear(), fileName, first.project(), amount, first.earlierFile()));
            addFinding("INITIAL_BUDGET_REPLACED", "warning", null, key, "《" + fileName + "》中有" + count + "个项目（如“"
                    + first.project() + "”）没有年初预算和上年结转，按“同一项目以较新文件的预算为准”的规则，替换了较早文件《"
                    + first.earlierFile() + "》等中这些项目共" + amount + "的年初预算和上年结转，它们现在按年中追加计算。"
                    + "如果本文件只是追加调整指标，请导出包含年初预算和调整数的完整预算指标文件后重新放入 inbox");
        }
        if (!replaced.isEmpty()) {
            finding.executeBatch();
        }
    }

    /**
     * Notes the id range of this file's ledger lines on its batch: a later file replacing some of its vouchers, or
     * a correction under its name, then looks for its lines within that range only. Two ordered lookups on the
     * primary key, whatever the size of the file; with several nodes the range may hold other files' lines too,
     * which the batch id tells apart.
     */
    private void recordLedgerRange() throws SQLException {
        if (ledgerLinesAdded == 0) {
            return;
        }
        String own = "SELECT id FROM ledger_line WHERE id > ? AND batch_id = ? ORDER BY id";
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ingest_batch SET ledger_first_id = ("
                + own + " LIMIT 1), ledger_last_id = (" + own + " DESC LIMIT 1) WHERE id = ?")) {
            long before = idsBefore.get("ledger_line");
            ps.setLong(1, before);
            ps.setLong(2, batchId);
            ps.setLong(3, before);
            ps.setLong(4, batchId);
            ps.setLong(5, batchId);
            ps.executeUpdate();
        }
    }

    /**
     * Deletes the earlier lines of this file's vouchers (SPEC §3.6), file by file: the vouchers they share are
     * found through {@code ledger_voucher}'s key, the lines within the earlier file's id range. The replaced
     * lines' share of their own file's sums is cancelled by negative {@code ledger_total} rows first.
     */
    private void replaceEarlierLinesOfVouchers() throws SQLException {
        if (idsBefore.get("ledger_line") == 0 && dialect.singleWriter()) {
            return; // no ledger line was stored before this file, and nobody else wrote since
        }
        // each earlier file sharing vouchers with this one, and how many of them are of a month this file does not cover
        String[] months = monthsCovered();
        Map<Long, Long> earlier = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT o.batch_id,"
                + " SUM(CASE WHEN " + OTHER_MONTH + " THEN 1 ELSE 0 END) FROM ledger_voucher n"
                + " JOIN ledger_voucher o" + SAME_VOUCHER + " WHERE n.batch_id = ? GROUP BY o.batch_id ORDER BY o.batch_id")) {
            ps.setString(1, months[0]);
            ps.setString(2, months[1]);
            ps.setLong(3, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    earlier.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        for (Map.Entry<Long, Long> e : earlier.entrySet()) {
            long old = e.getKey();
            if (e.getValue() > 0) {
                reportVouchersOfAnotherMonth(old, e.getValue(), months);
            }
            deleteLedgerLines(old, true);
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM ledger_voucher WHERE batch_id = ? AND "
                    + String.format(SHARED_VOUCHER, "ledger_voucher"))) {
                ps.setLong(1, old);
                ps.setLong(2, batchId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * A VOUCHER_NUMBER_REUSED finding on this file: its vouchers replace those of the same numbers in an earlier file,
     * as SPEC §3.6 says, but they are dated in another month. Finance systems that number vouchers anew each month
     * (记-1 in January and in February) lose a month's spending that way when the months come in separate files.
     */
    private void reportVouchersOfAnotherMonth(long earlierBatch, long vouchers, String[] months) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.voucher_no, o.voucher_month,"
                + " b.file_name FROM ledger_voucher n JOIN ledger_voucher o" + SAME_VOUCHER
                + " JOIN ingest_batch b ON b.id = o.batch_id WHERE n.batch_id = ? AND o.batch_id = ?"
                + " AND " + OTHER_MONTH + " ORDER BY n.voucher_no LIMIT 1")) {
            ps.setLong(1, batchId);
            ps.setLong(2, earlierBatch);
            ps.setString(3, months[0]);
            ps.setString(4, months[1]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                String example = rs.getString(1);
                String month = chineseMonth(months[0]) + (months[0].equals(months[1]) ? "" : "至" + chineseMonth(months[1]));
                String earlierMonth = chineseMonth(rs.getString(2));
                String earlierFile = rs.getString(3);
                afterCommit.add(() -> LOG.warn("《{}》有 {} 个凭证号与较早文件《{}》中另一月份的凭证相同（如“{}”：{} 与 {}），那些凭证的明细行已按规则被替换；"
                        + "如果凭证按月编号，请导出全年一个文件，或让凭证号包含月份。 {} vouchers of '{}' have the numbers of"
                        + " vouchers of another month in the earlier '{}' (such as '{}': {} and {}) and replaced their lines,"
                        + " as vouchers do; if the vouchers are numbered anew each month, export the whole year as one file or"
                        + " put the month into the voucher numbers.", fileName, vouchers, earlierFile, example, month,
                        earlierMonth, vouchers, fileName, earlierFile, example, month, earlierMonth));
                addFinding("VOUCHER_NUMBER_REUSED", "warning", null, "《" + fileName + "》中有" + vouchers
                        + "个凭证号与较早文件《" + earlierFile + "》中另一月份的凭证相同（如凭证号“" + example + "”：本文件为"
                        + month + "，《" + earlierFile + "》为" + earlierMonth
                        + "），按“同一凭证以较新文件为准”的规则，《" + earlierFile + "》中这些凭证的明细行已被替换，其支出不再计入。"
                        + "如果财务系统每月重新编号凭证，请导出全年一个文件，或让凭证号包含月份（如“01-记-1”）后重新放入 inbox");
                finding.executeBatch();
            }
        }
    }

    /**
     * The first and last month of this file's voucher dates, yyyy-MM; a file without dates covers none. An earlier
     * voucher of a month within them is in this file's period (a cumulative export holds it again), one outside them
     * is lost when replaced.
     */
    private String[] monthsCovered() {
        LocalDate first = dateTexts.keySet().stream().min(LocalDate::compareTo).orElse(null);
        LocalDate last = dateTexts.keySet().stream().max(LocalDate::compareTo).orElse(null);
        // without dates nothing can be told: NULL makes the comparison false
        return first == null ? new String[] {null, null} : new String[] {YearMonth.from(first).toString(),
                YearMonth.from(last).toString()};
    }

    /** {@code 2024-02} as {@code 2024年2月}. */
    private static String chineseMonth(String yearMonth) {
        YearMonth m = YearMonth.parse(yearMonth);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /**
     * Deletes an earlier file's ledger lines, looking only within its id range: all of them (a correction under
     * its name, whose sums go with it), or those sharing a voucher with this file, whose share of the earlier
     * file's sums is cancelled first by negative {@code ledger_total} rows under that file's batch.
     */
    private void deleteLedgerLines(long earlierBatch, boolean sharedVouchersOnly) throws SQLException {
        long first;
        long last;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT ledger_first_id, ledger_last_id FROM ingest_batch WHERE id = ? AND ledger_first_id IS NOT NULL")) {
            ps.setLong(1, earlierBatch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // the file stored no ledger line
                }
                first = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        String lines = " WHERE id BETWEEN ? AND ? AND batch_id = ?"
                + (sharedVouchersOnly ? " AND " + String.format(SHARED_VOUCHER, "ledger_line") : "");
        List<String> steps = sharedVouchersOnly
                ? List.of("INSERT INTO ledger_total (batch_id, " + LEDGER_GROUP + ", amount, lines) SELECT batch_id, "
                        + LEDGER_GROUP + ", -SUM(amount), -COUNT(*) FROM ledger_line" + lines + " GROUP BY batch_id, "
                        + LEDGER_GROUP, "DELETE FROM ledger_line" + lines)
                : List.of("DELETE FROM ledger_line" + lines);
        for (String sql : steps) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, first);
                ps.setLong(2, last);
                ps.setLong(3, earlierBatch);
                if (sharedVouchersOnly) {
                    ps.setLong(4, batchId);
                }
                ps.executeUpdate();
            }
        }
    }

    /** The batch ids a query returns. */
    private List<Long> batches(String sql, Object... parameters) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private void deleteOfBatch(String table, long batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE batch_id = ?")) {
            ps.setLong(1, batch);
            ps.executeUpdate();
        }
    }

    private void bindReplaced(PreparedStatement ps, long before) throws SQLException {
        ps.setLong(1, before);
        ps.setLong(2, batchId);
        ps.setLong(3, batchId);
    }

    private void insertLedgerTotals() throws SQLException {
        if (ledgerTotals.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ledger_total (batch_id, " + LEDGER_GROUP
                + ", amount, lines) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<LedgerKey, long[]> e : ledgerTotals.entrySet()) {
                LedgerKey k = e.getKey();
                ps.setLong(1, batchId);
                ps.setInt(2, k.fiscalYear());
                ps.setString(3, k.deptCode());
                ps.setString(4, k.projectCode());
                ps.setString(5, k.econClass());
                ps.setString(6, k.fundSource());
                ps.setLong(7, e.getValue()[0]);
                ps.setLong(8, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The highest id of each row table as the batch starts: the batch's own rows come after it. */
    private Map<String, Long> highestIds() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (String table : ROW_TABLES) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                ids.put(table, rs.getLong(1));
            }
        }
        return ids;
    }

    /** The fiscal years of a stored batch's rows (ledger_total names a ledger's, from a few rows instead of a scan). */
    /**
     * Whether the earlier file's 会计年度 contradicted its voucher dates (a YEAR_DATE_MISMATCH finding, which asks for
     * the corrected file under the same name): its years then say nothing about which export it is.
     */
    private boolean yearsInDoubt(long batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM ingest_finding WHERE batch_id = ?"
                + " AND code = 'YEAR_DATE_MISMATCH'")) {
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private Set<DeptYear> departmentYears(long batch) throws SQLException {
        Set<DeptYear> keys = new TreeSet<>();
        for (String table : ROW_TABLES) {
            if (table.equals("ledger_line") || table.equals("ingest_finding")) {
                continue;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT fiscal_year, dept_code FROM "
                    + table + " WHERE batch_id = ?")) {
                ps.setLong(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new DeptYear(rs.getInt(1), rs.getString(2)));
                    }
                }
            }
        }
        return keys;
    }

    /** {@code 2024 D01, 2024 D02} for the log. */
    private static String describe(Set<DeptYear> keys) {
        return keys.stream().map(k -> k.fiscalYear() + " " + k.deptCode()).collect(Collectors.joining(", ", "[", "]"));
    }

    private void collectTouched(String sql, long batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(new DeptYear(rs.getInt(1), rs.getString(2)));
                }
            }
        }
    }

    private void flush() throws SQLException {
        for (PreparedStatement ps : statements) {
            ps.executeBatch();
        }
        pending = 0;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        statements.add(ps);
        return ps;
    }

    /** Rows of one department-year come together, so only a change of key is recorded. */
    private void touch(int year, String dept) {
        if (year != lastYear || !dept.equals(lastDept)) {
            touched.add(new DeptYear(year, dept));
            lastYear = year;
            lastDept = dept;
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    @Override
    public void close() throws SQLException {
        try {
            for (PreparedStatement ps : statements) {
                ps.close();
            }
            if (!committed) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
