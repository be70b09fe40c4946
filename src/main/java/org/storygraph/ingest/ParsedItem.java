package org.storygraph.ingest;

import java.util.List;

/** A file that parsed: its own item, its related entries, and what was normalised or skipped on the way. */
record ParsedItem(ArticleRecord article, List<ArticleRecord.Related> related, List<LoadReport.Warning> warnings) {
}
