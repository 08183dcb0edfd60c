package org.perfeval.report;

import org.perfeval.model.DepartmentProfile;

/**
 * Everything the report writers of one department-year draw on: the document they show (figures, scores,
 * findings; amounts as {@link ShownFigures} rounds them), the full profile for 附件1 (null when none was sent),
 * the narrative texts of {@code config/departments/<code>.yaml}, and the exact {@code report.json} document, whose
 * figures give the rates a table shows beside rounded amounts.
 */
public record ReportInput(ReportDocument document, DepartmentProfile profile, DepartmentTexts texts,
                          ReportDocument exact) {

    /** Amounts shown as they are: the exact document is the shown one. */
    public ReportInput(ReportDocument document, DepartmentProfile profile, DepartmentTexts texts) {
        this(document, profile, texts, document);
    }
}
