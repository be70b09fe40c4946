package org.storygraph.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/** The seed judgement cases of the story clustering issue, on stories built by loading the seeds. */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStoriesTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    private String storyOf(String urlFragment) {
        return client.query("""
                MATCH (a:Article)-[:IN_STORY]->(s:Story) WHERE a.url CONTAINS $fragment RETURN s.id
                """).bind(urlFragment).to("fragment").fetchAs(String.class).one().orElseThrow();
    }

    @Test
    void everyArticleBelongsToExactlyOneStory() {
        assertThat(graph.count("MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->() RETURN count(a)")).isZero();
        assertThat(graph.count("MATCH (a:Article) WHERE COUNT { (a)-[:IN_STORY]->() } > 1 RETURN count(a)")).isZero();
        for (Map<String, Object> s : client.query("MATCH (s:Story) RETURN s.size AS size, s.label AS label, "
                + "COUNT { (s)<-[:IN_STORY]-() } AS members").fetch().all()) {
            assertThat(s.get("size")).isEqualTo(s.get("members"));
            assertThat((String) s.get("label")).isNotBlank();
        }
    }

    @Test
    void theBostonBanArticlesShareAStory() {
        assertThat(storyOf("wbur.org/news/2020/06/23/boston")).isEqualTo(storyOf("buzzfeednews.com"));
    }

    @Test
    void theSouthWalesCourtCaseArticlesShareAStory() {
        assertThat(storyOf("bbc.com/news/uk-wales")).isEqualTo(storyOf("telegraph.co.uk"));
    }

    @Test
    void theBigTechPauseStoryHasAtLeastSixProviders() {
        // the Amazon/IBM/Microsoft pause (2020-06-10..17): the story of mic.com's "Amazon is banning cops ..."
        String story = storyOf("mic.com");
        long providers = client.query("""
                MATCH (s:Story {id: $id})<-[:IN_STORY]-(:Article)-[:PUBLISHED_BY]->(p:Provider)
                RETURN count(DISTINCT p)
                """).bind(story).to("id").fetchAs(Long.class).one().orElseThrow();
        assertThat(providers).isGreaterThanOrEqualTo(6);
        assertThat(storyOf("itweb.co.za")).isNotEqualTo(story);
        assertThat(storyOf("timeslive.co.za")).isNotEqualTo(story);
    }

    @Test
    void storyPropertiesMatchTheirMembers() {
        List<Map<String, Object>> rows = List.copyOf(client.query("""
                MATCH (s:Story)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                WITH s, count(DISTINCT p) AS counted, min(a.publishedAt) AS first, max(a.publishedAt) AS last
                RETURN s.providerCount AS stored, counted,
                       s.firstPublishedAt = first AS first, s.lastPublishedAt = last AS last
                """).fetch().all());
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("stored")).isEqualTo(r.get("counted"));
            assertThat(r.get("first")).isEqualTo(true);
            assertThat(r.get("last")).isEqualTo(true);
        });
    }
}
