-- Version 4: the vouchers of each file get a table of their own, one row per voucher and file, in place of
-- the index on ledger_line's voucher columns. That index took an entry for every line of a million-line
-- ledger, in random order: about a second of the ingest. A later file's lines replace the earlier lines of
-- their vouchers (SPEC 3.6): the vouchers they share are found here, and the earlier lines within the id
-- range of their file, recorded on its ingest_batch row.

CREATE TABLE ledger_voucher (
    batch_id    BIGINT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    dept_code   TEXT NOT NULL,
    voucher_no  TEXT NOT NULL,
    PRIMARY KEY (dept_code, fiscal_year, voucher_no, batch_id)
);
CREATE INDEX ledger_voucher_batch ON ledger_voucher (batch_id);

INSERT INTO ledger_voucher (batch_id, fiscal_year, dept_code, voucher_no)
    SELECT DISTINCT batch_id, fiscal_year, dept_code, voucher_no FROM ledger_line WHERE voucher_no IS NOT NULL;

ALTER TABLE ingest_batch ADD COLUMN ledger_first_id BIGINT;
ALTER TABLE ingest_batch ADD COLUMN ledger_last_id BIGINT;
UPDATE ingest_batch SET ledger_first_id = r.first_id, ledger_last_id = r.last_id
    FROM (SELECT batch_id, MIN(id) AS first_id, MAX(id) AS last_id FROM ledger_line GROUP BY batch_id) AS r
    WHERE ingest_batch.id = r.batch_id;

DROP INDEX ledger_line_voucher;
