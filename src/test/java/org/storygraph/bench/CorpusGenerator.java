package org.storygraph.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A realistic synthetic news corpus, deterministic for a seed: heavy-tailed story sizes (most stories have one to
 * three articles, a few have hundreds), thousands of providers with Zipf-distributed output, 40 topics, headlines
 * and excerpts built from story-specific vocabulary (named people, organisations, places, an action and an object,
 * phrased differently by different outlets, with syndicated copies), timestamps spread over weeks with each story
 * a burst of hours to days, and related lists that mostly — not always — point inside the story.
 *
 * <p>Articles come out grouped by story in story start order; {@link #articles()} streams them without holding the
 * corpus in memory (only the story plan, a few bytes per article, is kept).
 */
public final class CorpusGenerator {

    /** One generated article, with its gold story. */
    public record Article(int index, String story, String url, String title, String excerpt, Instant publishedAt,
            String providerName, String providerDomain, List<String> topics, List<Related> related) {
    }

    /** A related entry: another article of the corpus (its index) as the item lists it. */
    public record Related(int index, String url, String title, Instant publishedAt, String providerName,
            String providerDomain) {
    }

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final int articles;
    private final long seed;
    private final int weeks;
    private final Providers providers;
    private final List<StoryPlan> stories = new ArrayList<>();

    public CorpusGenerator(int articles, long seed) {
        this(articles, seed, Math.max(2, Math.min(26, articles / 20_000 + 2)));
    }

    public CorpusGenerator(int articles, long seed, int weeks) {
        if (articles < 1) {
            throw new IllegalArgumentException("articles must be positive");
        }
        this.articles = articles;
        this.seed = seed;
        this.weeks = weeks;
        SplittableRandom random = new SplittableRandom(seed);
        this.providers = new Providers(Math.max(30, Math.min(25_000, articles / 40)), random.split());
        int assigned = 0;
        while (assigned < articles) {
            int size = Math.min(articles - assigned, storySize(random));
            long startSecond = (long) (random.nextDouble() * weeks * 7 * 86400L);
            stories.add(new StoryPlan(stories.size(), assigned, size, startSecond, random.nextLong()));
            assigned += size;
        }
        stories.sort((a, b) -> Long.compare(a.startSecond, b.startSecond));
        int first = 0;
        for (int i = 0; i < stories.size(); i++) {
            StoryPlan s = stories.get(i);
            stories.set(i, new StoryPlan(s.id, first, s.size, s.startSecond, s.seed));
            first += s.size;
        }
    }

    public int size() {
        return articles;
    }

    public int storyCount() {
        return stories.size();
    }

    public int providerCount() {
        return providers.count();
    }

    /** Pareto-like sizes: P(size >= k) ~ k^-1.3, capped at 2,000. */
    private static int storySize(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return (int) Math.min(2000, Math.floor(Math.pow(u, -1 / 1.3)));
    }

    private record StoryPlan(int id, int firstIndex, int size, long startSecond, long seed) {
    }

    /** All articles, story by story. */
    public Iterator<Article> articles() {
        return new Iterator<>() {
            private int story;
            private List<Article> pending = List.of();
            private int at;

            @Override
            public boolean hasNext() {
                while (at >= pending.size() && story < stories.size()) {
                    pending = generate(stories.get(story++));
                    at = 0;
                }
                return at < pending.size();
            }

            @Override
            public Article next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.get(at++);
            }
        };
    }

    private List<Article> generate(StoryPlan plan) {
        List<Article> shallow = generateShallow(plan);
        Event event = Event.random(new SplittableRandom(plan.seed));
        SplittableRandom random = new SplittableRandom(plan.seed ^ 0x9E3779B97F4A7C15L);
        List<Article> out = new ArrayList<>(plan.size);
        for (int i = 0; i < plan.size; i++) {
            Article a = shallow.get(i);
            List<Related> related = new ArrayList<>();
            int wanted = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
            Set<Integer> seen = new LinkedHashSet<>();
            for (int r = 0; r < wanted; r++) {
                boolean inside = plan.size > 1 && random.nextInt(100) < 85;
                int target = inside ? plan.firstIndex + random.nextInt(plan.size) : random.nextInt(articles);
                if (target == a.index() || !seen.add(target)) {
                    continue;
                }
                Article t = target >= plan.firstIndex && target < plan.firstIndex + plan.size
                        ? shallow.get(target - plan.firstIndex) : describe(target);
                related.add(new Related(target, t.url(), t.title(), t.publishedAt(), t.providerName(),
                        t.providerDomain()));
            }
            out.add(new Article(a.index(), a.story(), a.url(), a.title(), event.excerpt(random), a.publishedAt(),
                    a.providerName(), a.providerDomain(), a.topics(), List.copyOf(related)));
        }
        return out;
    }

    /** Recently generated stories, for related entries that point outside their story. */
    private final java.util.Map<Integer, List<Article>> recent = new java.util.LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Integer, List<Article>> eldest) {
            return size() > 64;
        }
    };

    private Article describe(int index) {
        StoryPlan plan = planOf(index);
        return recent.computeIfAbsent(plan.id, id -> generateShallow(plan)).get(index - plan.firstIndex);
    }

    /** A story's articles without excerpts and related lists: titles, times, providers, URLs, topics. */
    private List<Article> generateShallow(StoryPlan plan) {
        SplittableRandom random = new SplittableRandom(plan.seed);
        Event event = Event.random(random);
        String storyId = String.format(Locale.ROOT, "g%06d", plan.id);
        List<String> topics = List.copyOf(new LinkedHashSet<>(List.of(Words.pick(Words.TOPICS, random),
                Words.pick(Words.TOPICS, random))));
        topics = random.nextInt(3) == 0 ? topics : topics.subList(0, 1);
        // a story is a burst: most articles within hours, a tail over days
        double scaleHours = 2 + random.nextDouble() * (plan.size > 20 ? 30 : 10);
        List<Article> out = new ArrayList<>(plan.size);
        List<String> titles = new ArrayList<>(plan.size);
        for (int i = 0; i < plan.size; i++) {
            double hours = i == 0 ? 0 : -scaleHours * Math.log(1 - random.nextDouble());
            Instant time = EPOCH.plusSeconds(plan.startSecond + (long) (hours * 3600)).truncatedTo(ChronoUnit.MINUTES);
            int provider = providers.pick(random);
            boolean syndicated = i > 0 && random.nextInt(30) == 0;
            titles.add(syndicated ? titles.get(random.nextInt(i)) : event.headline(random));
            int index = plan.firstIndex + i;
            out.add(new Article(index, storyId, providers.url(provider, index, titles.get(i)), titles.get(i), null,
                    time, providers.name(provider), providers.domain(provider), topics, List.of()));
        }
        return out;
    }

    private StoryPlan planOf(int index) {
        int lo = 0;
        int hi = stories.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (stories.get(mid).firstIndex <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return stories.get(lo);
    }

    /** The front matter file of an article, in the seeds' format. */
    public static String toFile(Article a) {
        StringBuilder sb = new StringBuilder(600);
        sb.append("---\n");
        sb.append("category: news\n");
        sb.append("title: ").append(quote(a.title())).append('\n');
        sb.append("excerpt: ").append(quote(a.excerpt() == null ? "" : a.excerpt())).append('\n');
        sb.append("publishedDateTime: ").append(a.publishedAt()).append('\n');
        sb.append("webUrl: ").append(quote(a.url())).append('\n');
        sb.append("type: article\n");
        sb.append("provider:\n  name: ").append(quote(a.providerName())).append("\n  domain: ")
                .append(a.providerDomain()).append('\n');
        sb.append("topics:\n");
        for (String t : a.topics()) {
            sb.append("  - ").append(quote(t)).append('\n');
        }
        if (a.related().isEmpty()) {
            sb.append("related: []\n");
        } else {
            sb.append("related:\n");
            for (Related r : a.related()) {
                sb.append("  - title: ").append(quote(r.title())).append('\n');
                sb.append("    publishedDateTime: ").append(r.publishedAt()).append('\n');
                sb.append("    webUrl: ").append(quote(r.url())).append('\n');
                sb.append("    type: article\n");
                sb.append("    provider:\n      name: ").append(quote(r.providerName())).append("\n      domain: ")
                        .append(r.providerDomain()).append('\n');
            }
        }
        sb.append("---\n");
        return sb.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Thousands of outlets; who publishes follows a Zipf law (s = 1.1). */
    private static final class Providers {
        private final String[] names;
        private final String[] domains;
        private final double[] cumulative;

        Providers(int count, SplittableRandom random) {
            names = new String[count];
            domains = new String[count];
            cumulative = new double[count];
            Set<String> used = new LinkedHashSet<>();
            double total = 0;
            for (int i = 0; i < count; i++) {
                String base;
                do {
                    base = Words.pick(Words.OUTLET_PLACES, random) + " " + Words.pick(Words.OUTLET_KINDS, random);
                } while (!used.add(base) && used.size() < Words.OUTLET_PLACES.length * Words.OUTLET_KINDS.length);
                String name = used.size() <= i ? base + " " + (i + 1) : base;
                names[i] = name;
                domains[i] = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + (i % 7 == 0 ? ".co.uk"
                        : i % 5 == 0 ? ".net" : ".com");
                total += 1 / Math.pow(i + 1, 1.1);
                cumulative[i] = total;
            }
            for (int i = 0; i < count; i++) {
                cumulative[i] /= total;
            }
        }

        int count() {
            return names.length;
        }

        int pick(SplittableRandom random) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        String name(int i) {
            return names[i];
        }

        String domain(int i) {
            return domains[i];
        }

        String url(int provider, int index, String title) {
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (slug.length() > 60) {
                slug = slug.substring(0, 60);
            }
            String section = Words.SECTIONS[index % Words.SECTIONS.length];
            return "https://www." + domains[provider] + "/" + section + "/" + slug + "-" + index;
        }
    }

    /** What a story is about, and the ways outlets put it. */
    private record Event(String person, String organisation, String place, String action, String object,
            String context, String number) {

        static Event random(SplittableRandom random) {
            return new Event(Words.pick(Words.FIRST, random) + " " + Words.pick(Words.LAST, random),
                    Words.pick(Words.ORG_PREFIX, random) + " " + Words.pick(Words.ORG_KIND, random),
                    Words.pick(Words.PLACES, random), Words.pick(Words.ACTIONS, random),
                    qualify(Words.pick(Words.OBJECTS, random), random), Words.pick(Words.CONTEXTS, random),
                    String.valueOf(2 + random.nextInt(98)));
        }

        /** Most stories are about a particular thing: "the disputed merger", "a planned chip factory". */
        private static String qualify(String object, SplittableRandom random) {
            if (random.nextInt(5) == 0) {
                return object;
            }
            String q = Words.pick(Words.QUALIFIERS, random);
            for (String determiner : new String[] {"the ", "a ", "its "}) {
                if (object.startsWith(determiner)) {
                    return determiner + q + " " + object.substring(determiner.length());
                }
            }
            return q + " " + object;
        }

        /** One outlet's headline: a phrasing, and often a prefix, an angle or a detail of its own. */
        String headline(SplittableRandom random) {
            String core = switch (random.nextInt(10)) {
                case 0 -> organisation + " " + action + " " + object + " in " + place;
                case 1 -> place + ": " + organisation + " " + action + " " + object + " amid " + context;
                case 2 -> person + " says " + organisation + " will " + base(action) + " " + object;
                case 3 -> "Why " + organisation + "'s move to " + base(action) + " " + object + " matters";
                case 4 -> organisation + " " + action + " " + object + ", " + person + " confirms";
                case 5 -> number + " things to know as " + organisation + " " + action + " " + object;
                case 6 -> "Analysis: " + place + " reacts after " + organisation + " " + action + " " + object;
                case 7 -> organisation + " to " + base(action) + " " + object + " after " + context;
                case 8 -> "What " + organisation + "'s decision on " + object + " means for " + place;
                default -> object.substring(0, 1).toUpperCase(Locale.ROOT) + object.substring(1) + ": "
                        + organisation + " " + action + " plan in " + place;
            };
            String prefix = switch (random.nextInt(8)) {
                case 0 -> "UPDATE " + (1 + random.nextInt(4)) + "-";
                case 1 -> "Live: ";
                case 2 -> Words.pick(Words.OUTLET_PLACES, random) + " view: ";
                default -> "";
            };
            String suffix = switch (random.nextInt(7)) {
                case 0 -> " - " + Words.pick(Words.WHEN, random) + " " + Words.pick(Words.CONTEXTS, random);
                case 1 -> " (" + Words.pick(Words.FIRST, random) + " " + Words.pick(Words.LAST, random)
                        + " reports)";
                case 2 -> ", " + (2 + random.nextInt(60)) + " sources say";
                case 3 -> " | " + Words.pick(Words.SECTIONS, random);
                default -> "";
            };
            return prefix + core + suffix;
        }

        /** One outlet's excerpt: the event in one of several framings, often with a detail of its own. */
        String excerpt(SplittableRandom random) {
            String other = Words.pick(Words.FIRST, random) + " " + Words.pick(Words.LAST, random);
            String lead = switch (random.nextInt(6)) {
                case 0 -> person + ", speaking in " + place + ", said the decision by " + organisation + " to "
                        + base(action) + " " + object + " came " + Words.pick(Words.WHEN, random) + " " + context
                        + ".";
                case 1 -> organisation + " " + action + " " + object + " " + Words.pick(Words.WHEN, random) + " "
                        + context + ", " + person + " told reporters in " + place + ".";
                case 2 -> "The plan to " + base(action) + " " + object + " affects " + number + " "
                        + Words.pick(Words.AFFECTED, random) + " in " + place + ", according to " + organisation + ".";
                case 3 -> "Critics including " + other + " said " + organisation + " acted "
                        + Words.pick(Words.WHEN, random) + " " + context + "; " + person + " defended the move.";
                case 4 -> "In " + place + ", " + Words.pick(Words.AFFECTED, random) + " reacted after "
                        + organisation + " " + action + " " + object + ".";
                default -> person + " of " + organisation + " confirmed it " + past(action) + " " + object
                        + ", citing " + context + ".";
            };
            String detail = switch (random.nextInt(6)) {
                case 0 -> " " + other + " expects further details " + Words.pick(Words.LATER, random) + ".";
                case 1 -> " The figure of " + (2 + random.nextInt(500)) + " " + Words.pick(Words.AFFECTED, random)
                        + " was disputed by " + other + ".";
                case 2 -> " Talks are due to resume " + Words.pick(Words.LATER, random) + ".";
                default -> "";
            };
            return lead + detail;
        }

        private static String past(String action) {
            String b = base(action);
            return switch (b) {
                case "cut" -> "cut";
                case "sell" -> "sold";
                case "freeze" -> "froze";
                case "ban", "scrap" -> b + b.charAt(b.length() - 1) + "ed";
                default -> b.endsWith("e") ? b + "d" : b + "ed";
            };
        }

        /** "launches" → "launch", "closes" → "close", "bans" → "ban". */
        private static String base(String action) {
            for (String sibilant : new String[] {"ches", "shes", "sses", "xes", "zzes"}) {
                if (action.endsWith(sibilant)) {
                    return action.substring(0, action.length() - 2);
                }
            }
            return action.endsWith("s") ? action.substring(0, action.length() - 1) : action;
        }
    }
}
