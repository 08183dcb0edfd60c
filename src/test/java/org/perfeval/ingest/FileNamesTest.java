package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Derived file names stay within the 255 bytes a file system allows. */
class FileNamesTest {

    @Test
    void aNameThatFitsKeepsItsSuffixPlainly() {
        assertEquals("预算.csv.rejects.csv", FileNames.withSuffix("预算.csv", ".rejects.csv"));
    }

    @Test
    void aLongNameIsCutAtACharacterAndKeptDistinct() {
        String a = "很".repeat(81) + "甲.csv";
        String b = "很".repeat(81) + "乙.csv";
        String cutA = FileNames.withSuffix(a, ".error.txt");
        String cutB = FileNames.withSuffix(b, ".error.txt");
        for (String cut : new String[] {cutA, cutB}) {
            assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES, cut);
            assertTrue(cut.startsWith("很很很") && cut.endsWith(".error.txt"), cut);
            assertTrue(cut.matches("很+~[0-9a-f]{8}\\.error\\.txt"), "whole characters, then the hash: " + cut);
        }
        assertNotEquals(cutA, cutB, "names alike up to the cut differ by their hash");
        assertEquals(cutA, FileNames.withSuffix(a, ".error.txt"), "the same name gives the same file");
    }
}
