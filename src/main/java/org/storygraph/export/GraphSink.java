package org.storygraph.export;

import java.util.Map;

/**
 * Where an export goes, one element at a time: every node first, then every edge, then {@link #close()}, which
 * finishes the document and flushes it (the underlying stream stays open: it belongs to the caller). One
 * implementation per format; none keeps more than the element it is writing.
 */
interface GraphSink {

    void node(Node node);

    void edge(Edge edge);

    void close();

    /**
     * A reference to a node: its kind ({@code article}, {@code provider}, {@code story}, {@code topic}) and its key in
     * the graph (article id, provider domain, story id, topic name).
     */
    record Ref(String kind, String key) {

        /**
         * The node id in every format: {@code kind:key}, unique across kinds. Characters a GraphML id (an XML
         * NMTOKEN) cannot hold are written {@code _hex_} ({@code _} itself too), so {@code topic:AWS AI} is
         * {@code topic:AWS_20_AI}; article, story and provider ids need no escaping.
         */
        String id() {
            StringBuilder id = new StringBuilder(kind.length() + key.length() + 1).append(kind).append(':');
            key.codePoints().forEach(c -> {
                if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                    id.append((char) c);
                } else {
                    id.append('_').append(Integer.toHexString(c)).append('_');
                }
            });
            return id.toString();
        }
    }

    /**
     * A node. {@code label} is what a graph tool shows; {@code data} holds its attributes by name (null values are
     * left out). Graph formats write the attributes their {@link Schema} declares; CSV picks its columns from data.
     */
    record Node(Ref ref, String label, Map<String, Object> data) {

        String type() {
            return ref.kind();
        }
    }

    /** A directed edge of a relation {@code type} ({@code PUBLISHED_BY}, ...); {@code id} is unique in the export. */
    record Edge(String id, String type, Ref source, Ref target, Double weight, Map<String, Object> data) {
    }
}
