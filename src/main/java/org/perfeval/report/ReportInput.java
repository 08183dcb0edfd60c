package org.perfeval.report;

import org.perfeval.model.DepartmentProfile;

/**
 * Everything the report writers of one department-year draw on: the {@code report.json} document
 * (figures, scores, findings), the full profile for 附件1 (null when none was sent), and the narrative
 * texts of {@code config/departments/<code>.yaml}.
 */
public record ReportInput(ReportDocument document, DepartmentProfile profile, DepartmentTexts texts) {
}
