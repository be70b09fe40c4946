package org.storygraph.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Gives the stories of a recluster the ids of the stories they continue. Each new story keeps the id of the old story
 * it shares most members with, greedily: all (old, new) pairs that share members, most shared members first; on a
 * tie the pair whose two stories together have fewer members (the closer match) first, then the smaller old id, then
 * the smaller new key. Each old id goes to at most one new story and each new story takes at most one old id. A new
 * story left without one keeps its provisional id unless an old story had that id, else it gets
 * {@code freshId(provisional, n)} for the first n = 1, 2, … that is not taken.
 */
final class StoryIdMatcher {

    /** The ids to use (provisional key → final id, for every new story) and the changes (unchanged stories left out). */
    record Outcome(Map<String, String> ids, List<StoryChange> changes) {
    }

    private StoryIdMatcher() {
    }

    /**
     * @param before  old story id → its members
     * @param after   new story's provisional key → its members
     * @param freshId a new id from a provisional key and an attempt number
     */
    static Outcome match(Map<String, Set<String>> before, Map<String, Set<String>> after,
            BiFunction<String, Integer, String> freshId) {
        Map<String, String> oldOf = new HashMap<>();
        before.forEach((id, members) -> members.forEach(m -> oldOf.put(m, id)));
        // shared members of every (new, old) pair
        Map<String, Map<String, Integer>> overlap = new TreeMap<>();
        Map<String, Set<String>> newOf = new HashMap<>();
        record Pair(String old, String key, int shared, int together) {
        }
        List<Pair> pairs = new ArrayList<>();
        after.forEach((key, members) -> {
            Map<String, Integer> counts = new TreeMap<>();
            for (String m : members) {
                String old = oldOf.get(m);
                if (old != null) {
                    counts.merge(old, 1, Integer::sum);
                }
            }
            overlap.put(key, counts);
            counts.forEach((old, shared) -> {
                newOf.computeIfAbsent(old, o -> new HashSet<>()).add(key);
                pairs.add(new Pair(old, key, shared, before.get(old).size() + members.size()));
            });
        });
        pairs.sort(Comparator.comparingInt((Pair p) -> -p.shared()).thenComparingInt(Pair::together)
                .thenComparing(Pair::old).thenComparing(Pair::key));
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Pair p : pairs) {
            if (!ids.containsKey(p.key()) && !used.contains(p.old())) {
                ids.put(p.key(), p.old());
                used.add(p.old());
            }
        }
        List<String> keys = new ArrayList<>(after.keySet());
        keys.sort(null);
        for (String key : keys) {
            if (ids.containsKey(key)) {
                continue;
            }
            String id = key;
            for (int n = 1; before.containsKey(id) || used.contains(id); n++) {
                id = freshId.apply(key, n);
            }
            ids.put(key, id);
            used.add(id);
        }

        List<StoryChange> changes = new ArrayList<>();
        for (String key : keys) {
            String id = ids.get(key);
            Map<String, Integer> counts = overlap.get(key);
            List<String> from = new ArrayList<>(counts.keySet());
            from.sort(Comparator.comparingInt((String o) -> -counts.get(o)).thenComparing(o -> o));
            int size = after.get(key).size();
            int previous = before.containsKey(id) ? before.get(id).size() : 0;
            String kind;
            if (from.isEmpty()) {
                kind = StoryChange.CREATED;
            } else if (from.size() > 1) {
                kind = StoryChange.MERGED;
            } else if (newOf.get(from.getFirst()).size() > 1
                    || !after.get(key).containsAll(before.get(from.getFirst()))) {
                kind = StoryChange.SPLIT; // its members are now in several stories (or some in none)
            } else if (after.get(key).equals(before.get(id))) {
                continue; // unchanged
            } else {
                kind = StoryChange.GROWN;
            }
            changes.add(new StoryChange(0, kind, id, from, size, previous));
        }
        List<String> olds = new ArrayList<>(before.keySet());
        olds.sort(null);
        for (String old : olds) {
            if (!newOf.containsKey(old)) {
                changes.add(new StoryChange(0, StoryChange.REMOVED, old, List.of(), 0, before.get(old).size()));
            }
        }
        return new Outcome(ids, changes);
    }
}
