-- perfeval schema, version 1. Written once for SQLite and PostgreSQL: ${ID} is the dialect's
-- generated primary key. Amounts are BIGINT fen (yuan × 100): exact, and summed exactly by SQL.

CREATE TABLE ingest_batch (
    id            ${ID},
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    kind          TEXT,
    layout        TEXT,
    header_row    INTEGER,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_ingested INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    message       TEXT
);
CREATE INDEX ingest_batch_sha256 ON ingest_batch (sha256);
CREATE INDEX ingest_batch_file_name ON ingest_batch (file_name);

CREATE TABLE budget_line (
    id                ${ID},
    batch_id          BIGINT NOT NULL,
    source_row        INTEGER NOT NULL,
    fiscal_year       INTEGER NOT NULL,
    dept_code         TEXT NOT NULL,
    dept_name         TEXT,
    project_code      TEXT NOT NULL,
    project_name      TEXT,
    expense_type      TEXT NOT NULL,
    fund_source       TEXT,
    function_class    TEXT,
    budget_initial    BIGINT NOT NULL,
    budget_adjustment BIGINT NOT NULL,
    budget_carryover  BIGINT NOT NULL,
    budget_final      BIGINT NOT NULL,
    spent_reported    BIGINT,
    doc_no            TEXT
);
CREATE INDEX budget_line_project ON budget_line (fiscal_year, dept_code, project_code);
CREATE INDEX budget_line_batch ON budget_line (batch_id);

CREATE TABLE ledger_line (
    id             ${ID},
    batch_id       BIGINT NOT NULL,
    source_row     INTEGER NOT NULL,
    fiscal_year    INTEGER NOT NULL,
    dept_code      TEXT NOT NULL,
    voucher_date   TEXT,
    voucher_no     TEXT,
    entry_no       TEXT,
    project_code   TEXT NOT NULL,
    summary        TEXT,
    econ_class     TEXT,
    function_class TEXT,
    fund_source    TEXT,
    amount         BIGINT NOT NULL
);
-- One index only: every index costs time on each of a million inserted lines. A file's own lines are
-- found by their id range; replacing a whole earlier file (a correction) scans, and is rare.
CREATE INDEX ledger_line_voucher ON ledger_line (dept_code, fiscal_year, voucher_no);

-- The ledger summed per file, project, economic class and fund source, kept with the lines so that a
-- report reads a few hundred sums instead of grouping a million lines. When a later file replaces
-- lines, the replaced sums are cancelled by negative rows under the earlier file's batch.
CREATE TABLE ledger_total (
    id             ${ID},
    batch_id       BIGINT NOT NULL,
    fiscal_year    INTEGER NOT NULL,
    dept_code      TEXT NOT NULL,
    project_code   TEXT NOT NULL,
    econ_class     TEXT,
    fund_source    TEXT,
    amount         BIGINT NOT NULL,
    lines          BIGINT NOT NULL
);
CREATE INDEX ledger_total_dept ON ledger_total (fiscal_year, dept_code);
CREATE INDEX ledger_total_batch ON ledger_total (batch_id);

CREATE TABLE indicator (
    id               ${ID},
    batch_id         BIGINT NOT NULL,
    source_row       INTEGER NOT NULL,
    fiscal_year      INTEGER NOT NULL,
    dept_code        TEXT NOT NULL,
    project_code     TEXT NOT NULL,
    project_name     TEXT,
    level1           TEXT NOT NULL,
    level2           TEXT,
    name             TEXT NOT NULL,
    target           TEXT NOT NULL,
    actual           TEXT,
    weight           TEXT,
    direction        TEXT,
    unit             TEXT,
    manual_score     TEXT,
    deviation_reason TEXT
);
CREATE INDEX indicator_project ON indicator (fiscal_year, dept_code, project_code);
CREATE INDEX indicator_batch ON indicator (batch_id);

CREATE TABLE department_profile (
    id                  ${ID},
    batch_id            BIGINT NOT NULL,
    source_row          INTEGER NOT NULL,
    fiscal_year         INTEGER NOT NULL,
    dept_code           TEXT NOT NULL,
    dept_name           TEXT,
    staff_quota         INTEGER,
    staff_active        INTEGER,
    staff_retired       INTEGER,
    staff_total         INTEGER,
    units_count         INTEGER,
    three_public_budget BIGINT,
    three_public_prior  BIGINT,
    procurement_budget  BIGINT,
    procurement_actual  BIGINT
);
CREATE INDEX department_profile_dept ON department_profile (fiscal_year, dept_code);
CREATE INDEX department_profile_batch ON department_profile (batch_id);

-- Problems found in a file while reading it (e.g. TOTAL_ROW_MISMATCH), kept with the file's rows.
CREATE TABLE ingest_finding (
    id          ${ID},
    batch_id    BIGINT NOT NULL,
    code        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    source_row  INTEGER,
    message     TEXT NOT NULL
);
CREATE INDEX ingest_finding_batch ON ingest_finding (batch_id);
