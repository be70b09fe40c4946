package org.storygraph.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    @Test
    void pagesArticlesNewestFirst() {
        assertThat(mvc.get().uri("/api/articles?size=5&page=1")).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(27))
                .hasPathSatisfying("$.totalPages", v -> v.assertThat().isEqualTo(6))
                .hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(5));
        // newest of all: buzzfeednews.com, 2020-06-24T18:03Z
        assertThat(mvc.get().uri("/api/articles?size=1")).bodyJson()
                .extractingPath("$.items[0].provider.domain").isEqualTo("buzzfeednews.com");
    }

    @Test
    void filtersByProviderTopicAndTime() {
        assertThat(mvc.get().uri("/api/articles?provider=wbur.org")).bodyJson()
                .extractingPath("$.total").isEqualTo(2);
        // the five items carry topics; AI is on all five
        assertThat(mvc.get().uri("/api/articles?topic=AI")).bodyJson().extractingPath("$.total").isEqualTo(5);
        // published on 2020-06-23 (UTC): npr 08:00, bbc 14:05, telegraph 14:21, wbur 23:39
        assertThat(mvc.get().uri("/api/articles?from=2020-06-23&to=2020-06-24")).bodyJson()
                .extractingPath("$.total").isEqualTo(4);
        assertThat(mvc.get().uri("/api/articles?from=2020-06-23T14:00:00Z&to=2020-06-23T15:00&provider=bbc.com"))
                .bodyJson().extractingPath("$.total").isEqualTo(1);
    }

    @Test
    void findsAnArticleByAnyFormOfItsUrl() {
        for (String url : new String[] {
                "https://www.fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough?partner=rss",
                "https://www.fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough",
                "https://fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough"}) {
            assertThat(mvc.get().uri("/api/articles").param("url", url)).bodyJson()
                    .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                    .extractingPath("$.items[0].provider.domain").isEqualTo("fastcompany.com");
        }
    }

    @Test
    void searchesWordsOfTitlesAndExcerptsThroughTheFullTextIndex() {
        // "Boston" appears in the two Boston ban articles (wbur.org, buzzfeednews.com)
        assertThat(mvc.get().uri("/api/articles?q=boston")).bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(mvc.get().uri("/api/articles?q=boston council")).bodyJson()
                .extractingPath("$.total").isEqualTo(2);
        assertThat(mvc.get().uri("/api/articles?q=phrenology")).bodyJson()
                .extractingPath("$.items[0].provider.domain").isEqualTo("timeslive.co.za");
        // Lucene syntax in user input is searched as text, not parsed
        assertThat(mvc.get().uri("/api/articles").param("q", "\"unbalanced (AND) OR")).hasStatusOk();
    }

    @Test
    void showsOneArticleWithRelatedLinksInBothDirections() throws Exception {
        String id = mvc.get().uri("/api/articles?q=Amazon banning cops").exchange().getResponse().getContentAsString()
                .replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*", "$1");
        assertThat(mvc.get().uri("/api/articles/{id}", id)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.provider.domain", v -> v.assertThat().isEqualTo("mic.com"))
                .hasPathSatisfying("$.related.length()", v -> v.assertThat().isEqualTo(4))
                .hasPathSatisfying("$.related[0].rank", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.related[0].provider.domain", v -> v.assertThat().isEqualTo("geekwire.com"))
                .hasPathSatisfying("$.relatedFrom[0].provider.domain", v -> v.assertThat().isEqualTo("fedscoop.com"))
                .hasPathSatisfying("$.topics.length()", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.sourceFiles.length()", v -> v.assertThat().isEqualTo(2));
    }

    @Test
    void listsProvidersAndTopics() {
        assertThat(mvc.get().uri("/api/providers?size=100")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(25))
                .hasPathSatisfying("$.items[0].articles", v -> v.assertThat().isEqualTo(2));
        assertThat(mvc.get().uri("/api/topics")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(4))
                .hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(4))
                .hasPathSatisfying("$.items[0].name", v -> v.assertThat().isEqualTo("AI"))
                .hasPathSatisfying("$.items[0].articles", v -> v.assertThat().isEqualTo(5));
    }

    @Test
    void answersErrorsAsProblemDetails() {
        assertThat(mvc.get().uri("/api/articles/does-not-exist")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.detail").isEqualTo("No article with id 'does-not-exist'");
        assertThat(mvc.get().uri("/api/articles?from=last-tuesday")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.parameter").isEqualTo("from");
        assertThat(mvc.get().uri("/api/articles?size=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/articles?page=x")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("page");
        assertThat(mvc.get().uri("/api/articles?from=2020-06-24&to=2020-06-23")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/articles?url=javascript:alert(1)")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void documentsTheApiAndReportsDatabaseHealth() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths['/api/articles'].get", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.paths['/api/articles/{id}'].get", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.paths['/api/ingest'].post", v -> v.assertThat().isNotNull());
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.components.neo4j.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.neo4j.details.edition", v -> v.assertThat().isEqualTo("community"));
    }
}
