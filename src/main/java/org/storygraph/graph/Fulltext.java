package org.storygraph.graph;

/** Search-box text for Neo4j's full-text (Lucene) indexes. */
public final class Fulltext {

    private Fulltext() {
    }

    /** Words of a search box as a Lucene query that requires every word, with Lucene syntax escaped. */
    public static String allWords(String q) {
        StringBuilder sb = new StringBuilder();
        for (String word : q.strip().split("\\s+")) {
            StringBuilder escaped = new StringBuilder();
            for (char c : word.toCharArray()) {
                if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            String w = escaped.toString();
            if (w.equals("AND") || w.equals("OR") || w.equals("NOT")) {
                w = w.toLowerCase();
            }
            if (!w.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(" AND ");
                }
                sb.append(w);
            }
        }
        if (sb.isEmpty()) {
            throw new IllegalArgumentException("Parameter 'q' has no words");
        }
        return sb.toString();
    }
}
