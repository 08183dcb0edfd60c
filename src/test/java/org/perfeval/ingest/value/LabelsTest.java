package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", value = {
            "金额                     | 金额             | -",
            "金额（万元）             | 金额             | WAN_YUAN",
            "金额(元)                 | 金额             | YUAN",
            "金额【万元】             | 金额             | WAN_YUAN",
            "金额[元]                 | 金额             | YUAN",
            "金额［万元］             | 金额             | WAN_YUAN",
            "金额〔万元〕             | 金额             | WAN_YUAN",
            "金额（千元）             | 金额             | QIAN_YUAN",
            "金额（亿元）             | 金额             | YI_YUAN",
            "金额（ 万元 ）           | 金额             | WAN_YUAN",
            "金额（单位：万元）       | 金额             | WAN_YUAN",
            "金额(金额单位:元)        | 金额             | YUAN",
            "金额（人民币元）         | 金额             | YUAN",
            "*项目编码                | 项目编码         | -",
            "＊项目编码               | 项目编码         | -",
            "**项目编码*              | 项目编码         | -",
            "*金额（万元）            | 金额             | WAN_YUAN",
            "金额*（万元）            | 金额             | WAN_YUAN",
            "`项目\n编码`             | 项目编码         | -",
            "`项目\r\n编码`           | 项目编码         | -",
            "`\u3000项目 名称\u00A0`  | 项目名称         | -",
            "`年初\u3000预算数（万元）` | 年初预算数     | WAN_YUAN",
            "Amount(元)               | amount           | YUAN",
            "Project Code             | projectcode      | -",
            "ＡＭＯＵＮＴ             | amount           | -",
            "金额(含税)               | 金额(含税)       | -",
            "金额（含税）             | 金额(含税)       | -",
            "金额(万元)(含税)         | 金额(万元)(含税) | -",
            "金额（万元                | 金额(万元        | -",
            "（万元）                 | ``               | WAN_YUAN",
    })
    void normalizesHeaders(String raw, String label, MoneyUnit unit) {
        assertEquals(new HeaderLabel(label, Optional.ofNullable(unit)), Labels.normalizeHeader(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "*"})
    void blankHeaderIsEmptyLabel(String raw) {
        assertEquals(new HeaderLabel("", Optional.empty()), Labels.normalizeHeader(raw));
    }

    @Test
    void aliasesAndHeadersMeetInTheSameForm() {
        assertEquals(Labels.normalizeHeader("年初预算数").label(), Labels.normalizeHeader(" 年初 预算数（万元）").label());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "单位：万元                            | WAN_YUAN",
            "单位:万元                             | WAN_YUAN",
            "单位 ： 万元                          | WAN_YUAN",
            "金额单位：元                          | YUAN",
            "（单位：万元）                        | WAN_YUAN",
            "(单位:元)                             | YUAN",
            "单位：千元                            | QIAN_YUAN",
            "单位：亿元                            | YI_YUAN",
            "单位：人民币万元                      | WAN_YUAN",
            "编制单位：某某局　　单位：万元        | WAN_YUAN",
            "2024年度项目支出明细表（单位：元）    | YUAN",
            "单位：万元  日期：2024-12-31          | WAN_YUAN",
            // a profile's list of units: headcounts, then amounts
            "单位：人、万元                        | WAN_YUAN",
            "单位：人，个，万元                    | WAN_YUAN",
            "单位：人次/元                         | YUAN",
            "单位：人、平方公里、万元              | WAN_YUAN",
            "单位：万平方米、万元                  | WAN_YUAN",
    })
    void findsTheUnitOfATitle(String title, MoneyUnit unit) {
        assertEquals(Optional.of(unit), Labels.unitInTitle(title));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2024年度项目支出明细表", "编制单位：某某局", "单位万元", "预算单位元数据", "单位：人", "万元",
            "单位：人、个", "单位：某某局办公室，万元以下略"})
    void findsNoUnitInOtherTitles(String title) {
        assertEquals(Optional.empty(), Labels.unitInTitle(title));
    }
}
