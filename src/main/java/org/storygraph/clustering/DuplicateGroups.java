package org.storygraph.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of near-identical copies (union-find over article URLs). Each group is written flat: every copy points
 * straight at the earliest member (plausible publication time, then URL), never along a chain.
 */
final class DuplicateGroups {

    /** One DUPLICATE_OF edge to write. */
    record Edge(String copy, String original) {
    }

    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Long> time = new HashMap<>();

    /** Registers an article with its sort time (epoch seconds; {@link Long#MAX_VALUE} when implausible or unknown). */
    void member(String url, long epochSecond) {
        time.put(url, epochSecond);
    }

    void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private String find(String x) {
        String root = x;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        while (!x.equals(root)) { // path compression
            String next = parent.getOrDefault(x, x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    /** The earliest member of every group of two or more. */
    List<String> canonicals() {
        return groups().stream().filter(g -> g.size() > 1).map(List::getFirst).toList();
    }

    /** Copy → earliest member, for every non-earliest member of every group. */
    List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (List<String> group : groups()) {
            for (String copy : group.subList(1, group.size())) {
                edges.add(new Edge(copy, group.getFirst()));
            }
        }
        return edges;
    }

    private List<List<String>> groups() {
        Map<String, List<String>> byRoot = new HashMap<>();
        for (String url : time.keySet()) {
            byRoot.computeIfAbsent(find(url), k -> new ArrayList<>()).add(url);
        }
        Comparator<String> order = Comparator.comparingLong((String url) -> time.get(url))
                .thenComparing(Comparator.naturalOrder());
        byRoot.values().forEach(g -> g.sort(order));
        return List.copyOf(byRoot.values());
    }
}
