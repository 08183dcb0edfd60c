-- Version 7: each successful consolidation (the nightly route or the consolidate command), so that the time of the
-- last one survives a restart: perfeval_consolidation_last_success_timestamp_seconds and the status page had
-- started again from "not since this start", and an alert on its age fired after every restart.

CREATE TABLE consolidation_run (
    finished_at      BIGINT NOT NULL,
    department_years INTEGER NOT NULL
);
