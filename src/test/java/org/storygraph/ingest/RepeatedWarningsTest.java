package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatedWarningsTest {

    @Test
    void aNoteOnManyRowsOfAFileIsOneWarningNamingTheFirstAndLastLine() {
        List<LoadReport.Warning> warnings = new ArrayList<>();
        for (int line = 2; line <= 21; line++) {
            warnings.add(new LoadReport.Warning("mc.csv", line, "published: time without zone, UTC assumed"));
        }
        warnings.add(new LoadReport.Warning("mc.csv", 9, "topics: empty entry skipped"));
        assertThat(RepeatedWarnings.collapse(warnings)).containsExactly(
                new LoadReport.Warning("mc.csv", 2,
                        "published: time without zone, UTC assumed (and on 19 more rows of this file, the last at line 21)"),
                new LoadReport.Warning("mc.csv", 9, "topics: empty entry skipped"));
    }

    @Test
    void aFewRepeatsAndOtherFilesStayAsTheyAre() {
        List<LoadReport.Warning> warnings = List.of(
                new LoadReport.Warning("a.csv", 2, "published: time without zone, UTC assumed"),
                new LoadReport.Warning("a.csv", 3, "published: time without zone, UTC assumed"),
                new LoadReport.Warning("a.csv", 4, "published: time without zone, UTC assumed"),
                new LoadReport.Warning("b.csv", 2, "published: time without zone, UTC assumed"));
        assertThat(RepeatedWarnings.collapse(warnings)).isEqualTo(warnings);
    }
}
