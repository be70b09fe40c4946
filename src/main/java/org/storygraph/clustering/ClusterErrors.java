package org.storygraph.clustering;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a predicted clustering against gold labels, worst first, so that they can be read: merges (a
 * predicted story holding several gold stories) and splits (a gold story spread over several predicted ones). The
 * cost of each is the number of articles outside its largest part — what B-cubed loses there.
 */
public final class ClusterErrors {

    /** Articles of one gold story in one predicted story, with up to two headlines. */
    record Part(String gold, String predicted, int articles, List<String> headlines) {
    }

    /** A predicted story with several gold stories, or a gold story over several predicted ones. */
    record Error(String id, int articles, int cost, List<Part> parts) {
    }

    private final List<Error> merges;
    private final List<Error> splits;

    private ClusterErrors(List<Error> merges, List<Error> splits) {
        this.merges = merges;
        this.splits = splits;
    }

    /** {@code gold}, {@code predicted} and {@code headlines} are keyed by article URL. */
    public static ClusterErrors of(Map<String, String> gold, Map<String, String> predicted,
            Map<String, String> headlines) {
        Map<String, Map<String, List<String>>> byPredicted = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> byGold = new LinkedHashMap<>();
        gold.forEach((url, g) -> {
            String p = predicted.getOrDefault(url, "missing:" + url);
            byPredicted.computeIfAbsent(p, k -> new LinkedHashMap<>()).computeIfAbsent(g, k -> new ArrayList<>())
                    .add(url);
            byGold.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(p, k -> new ArrayList<>()).add(url);
        });
        return new ClusterErrors(errors(byPredicted, headlines, true), errors(byGold, headlines, false));
    }

    private static List<Error> errors(Map<String, Map<String, List<String>>> groups, Map<String, String> headlines,
            boolean byPredicted) {
        List<Error> errors = new ArrayList<>();
        groups.forEach((id, parts) -> {
            if (parts.size() < 2) {
                return;
            }
            int total = parts.values().stream().mapToInt(List::size).sum();
            int largest = parts.values().stream().mapToInt(List::size).max().orElse(0);
            List<Part> list = new ArrayList<>();
            parts.forEach((other, urls) -> list.add(new Part(byPredicted ? other : id, byPredicted ? id : other,
                    urls.size(), urls.stream().limit(2).map(u -> headlines.getOrDefault(u, u)).toList())));
            list.sort(Comparator.comparingInt(Part::articles).reversed()
                    .thenComparing(p -> byPredicted ? p.gold() : p.predicted()));
            errors.add(new Error(id, total, total - largest, list));
        });
        errors.sort(Comparator.comparingInt(Error::cost).reversed().thenComparing(Error::id));
        return errors;
    }

    List<Error> merges() {
        return merges;
    }

    List<Error> splits() {
        return splits;
    }

    /** The {@code limit} worst merges and splits, each with its largest parts and two headlines of each. */
    public void print(PrintStream out, int limit) {
        out.printf("worst merges (a predicted story holding several gold stories; cost = articles outside its largest"
                + " gold story): %d in all%n", merges.size());
        for (Error e : merges.subList(0, Math.min(limit, merges.size()))) {
            out.printf("  predicted %s: %d articles, cost %d%n", e.id(), e.articles(), e.cost());
            e.parts().stream().limit(4).forEach(p -> out.printf("    %4d of gold %s: %s%n", p.articles(), p.gold(),
                    String.join(" | ", p.headlines())));
        }
        out.printf("worst splits (a gold story over several predicted stories; cost = articles outside its largest"
                + " part): %d in all%n", splits.size());
        for (Error e : splits.subList(0, Math.min(limit, splits.size()))) {
            out.printf("  gold %s: %d articles, cost %d%n", e.id(), e.articles(), e.cost());
            e.parts().stream().limit(4).forEach(p -> out.printf("    %4d in predicted %s: %s%n", p.articles(),
                    p.predicted(), String.join(" | ", p.headlines())));
        }
    }
}
