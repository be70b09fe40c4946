package org.storygraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One warning for a note that many items of one file share (a Media Cloud export has no zone on any row): the first
 * line it was seen on, and how many rows more. A front-matter file has one item, so nothing changes for it.
 */
final class RepeatedWarnings {

    /** From this many items with the same note on, they are reported as one warning. */
    static final int COLLAPSE_FROM = 4;

    private RepeatedWarnings() {
    }

    static List<LoadReport.Warning> collapse(List<LoadReport.Warning> warnings) {
        Map<String, List<LoadReport.Warning>> byNote = new LinkedHashMap<>();
        for (LoadReport.Warning w : warnings) {
            byNote.computeIfAbsent(w.file() + '\u0000' + w.message(), k -> new ArrayList<>()).add(w);
        }
        List<LoadReport.Warning> out = new ArrayList<>();
        for (List<LoadReport.Warning> same : byNote.values()) {
            if (same.size() < COLLAPSE_FROM) {
                out.addAll(same);
            } else {
                LoadReport.Warning first = same.getFirst();
                out.add(new LoadReport.Warning(first.file(), first.line(), first.message() + " (and on "
                        + (same.size() - 1) + " more rows of this file, the last at line " + same.getLast().line()
                        + ")"));
            }
        }
        return out;
    }
}
