package org.storygraph.ingest;

import java.util.List;

/**
 * What a reader made of one file: its items (one for a front-matter file, one per row, line or feed item for the
 * others), the items it had to skip (each with its 1-based line, 0 when the format has none, and the reason), and
 * what was normalised or ignored on the way (e.g. unknown CSV columns).
 */
record ParsedFile(List<ParsedItem> items, List<LoadReport.FileFailure> failures, List<LoadReport.Warning> warnings) {

    ParsedFile {
        items = List.copyOf(items);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    static ParsedFile of(ParsedItem item) {
        return new ParsedFile(List.of(item), List.of(), List.of());
    }
}
