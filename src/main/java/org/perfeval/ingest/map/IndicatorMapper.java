package org.perfeval.ingest.map;

import java.util.Optional;

import org.perfeval.ingest.value.Directions;
import org.perfeval.ingest.value.IndicatorLevels;
import org.perfeval.model.Indicator;
import org.perfeval.model.Lineage;

/** Performance indicators; targets and actuals stay text here: scoring reads them. */
final class IndicatorMapper implements RecordMapper<Indicator> {

    @Override
    public Indicator map(BoundRow row, Lineage lineage) throws RowRejection {
        String dept = row.requiredCode("dept_code");
        String project = row.requiredCode("project_code");
        int year = row.fiscalYear(null);
        String level1 = row.enumerated("level1", raw -> Optional.of(IndicatorLevels.normalizeLevel1(raw)), null);
        if (level1 == null) {
            throw row.missing("level1");
        }
        return new Indicator(lineage, year, dept, project, row.textOrNameBesideCode("project_name", "project_code"), level1, row.text("level2"),
                row.requiredText("name"), row.requiredText("target"), row.text("actual"), row.decimal("weight"),
                row.enumerated("direction", Directions::normalize, null), row.text("unit"),
                row.decimal("manual_score"), row.text("deviation_reason"));
    }
}
