-- Version 3: department-years whose report set is out of date, kept in the database so that a crash
-- between a file's commit and its reports (or half way through them) is made good by the next start.
-- A file's transaction marks what it changed (version + 1 each time); writing the set clears the mark
-- only if its version is still the one read before the figures were read.

CREATE TABLE report_pending (
    fiscal_year INTEGER NOT NULL,
    dept_code   TEXT NOT NULL,
    version     BIGINT NOT NULL,
    PRIMARY KEY (fiscal_year, dept_code)
);
