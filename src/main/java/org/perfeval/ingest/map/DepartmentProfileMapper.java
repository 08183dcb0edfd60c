package org.perfeval.ingest.map;

import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.Lineage;

/** Department basics: headcounts and the 三公经费 and 政府采购 figures; absent figures stay null. */
final class DepartmentProfileMapper implements RecordMapper<DepartmentProfile> {

    @Override
    public DepartmentProfile map(BoundRow row, Lineage lineage) throws RowRejection {
        return new DepartmentProfile(lineage, row.fiscalYear(null), row.requiredCode("dept_code"),
                row.textOrNameBesideCode("dept_name", "dept_code"), row.count("staff_quota"), row.count("staff_active"),
                row.count("staff_retired"), row.count("staff_total"), row.count("units_count"),
                row.optionalAmount("three_public_budget"), row.optionalAmount("three_public_prior"),
                row.optionalAmount("procurement_budget"), row.optionalAmount("procurement_actual"));
    }
}
