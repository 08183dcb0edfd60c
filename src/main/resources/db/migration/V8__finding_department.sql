-- Version 8: a file's finding may concern one department-year of the file only (INITIAL_BUDGET_REPLACED names the
-- projects of one department). Such a finding is shown in that department-year's report alone; a finding without
-- them (TOTAL_ROW_MISMATCH, VOUCHER_NUMBER_REUSED) is shown in the report of every department-year the file feeds.

ALTER TABLE ingest_finding ADD COLUMN fiscal_year INTEGER;
ALTER TABLE ingest_finding ADD COLUMN dept_code TEXT;
