package org.storygraph.story;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.storygraph.ingest.UrlCanonicalizer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Prints content similarities and the clustering of the seed articles under the lab's settings. */
public class SeedLab {

    record A(String url, String title, String text, long time, String domain) {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Map<String, A> arts = new LinkedHashMap<>();
        List<String[]> related = new ArrayList<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path p : files.sorted().toList()) {
                String s = Files.readString(p);
                Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(s.substring(s.indexOf("---") + 3, s.lastIndexOf("---")));
                A item = art(m);
                arts.put(item.url(), item);
                for (Map<String, Object> r : (List<Map<String, Object>>) m.getOrDefault("related", List.of())) {
                    A ra = art(r);
                    arts.merge(ra.url(), ra, (x, y) -> x.time() <= y.time() ? x : y);
                    related.add(new String[] {item.url(), ra.url()});
                }
            }
        }
        List<A> list = new ArrayList<>(arts.values());
        list.sort(java.util.Comparator.comparingLong(A::time));
        List<float[]> emb;
        try (SentenceEmbedder e = new SentenceEmbedder(2)) {
            emb = new ArrayList<>(java.util.Arrays.asList(ClusterLab.center(e.embedAll(list.stream().map(a -> Boolean.getBoolean("titleOnly") ? a.title() : a.text()).toList()).toArray(new float[0][]))));
        }
        TermExtractor ex = new TermExtractor(2f, true);
        Lexicon lex = new Lexicon();
        List<Map<String, Float>> raw = list.stream().map(a -> ex.terms(a.text())).toList();
        raw.forEach(r -> lex.addDocument(r.keySet()));
        double we = Double.parseDouble(System.getProperty("we", "0.8"));
        double wl = 1 - we;
        for (int i = 0; i < list.size() && Boolean.getBoolean("matrix"); i++) {
            StringBuilder sb = new StringBuilder(String.format("%2d %s %-18s %-60.60s |", i,
                    Instant.ofEpochSecond(list.get(i).time()).toString().substring(5, 16), list.get(i).domain(),
                    list.get(i).title()));
            for (int j = 0; j < list.size(); j++) {
                double s = we * ClusterLab.dot(emb.get(i), emb.get(j)) + wl * lex.vector(raw.get(i)).dot(lex.vector(raw.get(j)));
                sb.append(String.format("%3d", Math.round(s * 100)));
            }
            System.out.println(sb);
        }
        var w = new Agglomerator.Weights(we, wl, 0, Double.parseDouble(System.getProperty("th", "0.2")), 86400,
                0, Double.parseDouble(System.getProperty("decay", "0.4")), 7);
        Agglomerator agg = new Agglomerator(w);
        List<Agglomerator.Cluster> cs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            cs.add(agg.addArticle(emb.get(i), lex.vector(raw.get(i)), Map.of(), list.get(i).time()));
        }
        double beta = Double.parseDouble(System.getProperty("beta", "0"));
        double floor = Double.parseDouble(System.getProperty("floor", "0.55"));
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                agg.link(cs.get(i), cs.get(j));
            }
        }
        for (String[] r : related) {
            int i = indexOf(list, r[0]);
            int j = indexOf(list, r[1]);
            double s = we * ClusterLab.dot(emb.get(i), emb.get(j)) + wl * lex.vector(raw.get(i)).dot(lex.vector(raw.get(j)));
            if (s >= floor) {
                agg.join(cs.get(i), cs.get(j));
            }
        }
        agg.run();
        for (var root : agg.roots()) {
            System.out.println("--- story");
            for (var member : root.members()) {
                int n = member.number;
                A a = list.get(n);
                System.out.printf("   %2d %s %-18s %s%n", n, Instant.ofEpochSecond(a.time()).toString().substring(5, 16), a.domain(), a.title());
            }
        }
    }

    static int indexOf(List<A> list, String url) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).url().equals(url)) {
                return i;
            }
        }
        throw new IllegalStateException(url);
    }

    @SuppressWarnings("unchecked")
    static A art(Map<String, Object> m) {
        Object t = m.get("publishedDateTime");
        long time = t instanceof java.util.Date d ? d.toInstant().getEpochSecond() : Instant.parse(t.toString()).getEpochSecond();
        String ex = (String) m.getOrDefault("excerpt", "");
        String url = UrlCanonicalizer.canonicalize((String) m.get("webUrl"));
        return new A(url, (String) m.get("title"), m.get("title") + (ex == null || ex.isEmpty() ? "" : ". " + ex), time,
                (String) ((Map<String, Object>) m.get("provider")).get("domain"));
    }
}
