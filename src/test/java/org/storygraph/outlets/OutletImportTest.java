package org.storygraph.outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.outlets.ImportReport.RejectedRow;

/**
 * Importing outlet files onto the seed graph: exact metadata, the same graph from CSV and YAML, idempotence, bad
 * rows reported by line while the good ones are imported.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OutletImportTest {

    static final Path CSV = Path.of("outlets/seed-outlets.csv");
    static final Path YAML = Path.of("outlets/seed-outlets.yaml");

    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    OutletImport imports;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    /** Back to the seed graph without outlet metadata: collections, metadata and outlets without articles go. */
    @BeforeEach
    void withoutOutletMetadata() {
        resetOutlets(client);
    }

    static void resetOutlets(Neo4jClient client) {
        client.query("MATCH (c:Collection) DETACH DELETE c").run();
        client.query("MATCH (p:Provider) WHERE NOT EXISTS { (p)<-[:PUBLISHED_BY]-() } DETACH DELETE p").run();
        client.query("MATCH (p:Provider) REMOVE p.country, p.language, p.mediaType, p.owner").run();
    }

    /** Every provider with its metadata and collections, one line each, A to Z. */
    private List<String> snapshot() {
        return List.copyOf(client.query("""
                MATCH (p:Provider)
                WITH p, COLLECT { MATCH (p)-[:IN_COLLECTION]->(c) RETURN c.name ORDER BY c.name } AS cs
                ORDER BY p.domain
                RETURN p.domain + '|' + coalesce(p.name, '-') + '|' + coalesce(p.country, '-') + '|'
                       + coalesce(p.language, '-') + '|' + coalesce(p.mediaType, '-') + '|' + coalesce(p.owner, '-')
                       + '|' + reduce(s = '', c IN cs | s + c + ';')
                """)
                .fetchAs(String.class).all());
    }

    private Map<String, Object> outlet(String domain) {
        return client.query("""
                MATCH (p:Provider {domain: $d})
                RETURN p.name AS name, p.country AS country, p.language AS language, p.mediaType AS mediaType,
                       p.owner AS owner, COUNT { (p)<-[:PUBLISHED_BY]-() } AS articles,
                       COLLECT { MATCH (p)-[:IN_COLLECTION]->(c) RETURN c.name ORDER BY c.name } AS collections,
                       keys(p) AS keys
                """).bind(domain).to("d").fetch().one().orElseThrow();
    }

    @Test
    void importsTheSeedOutletFileWithItsMetadataAndCollections() {
        ImportReport report = imports.importFile(CSV);
        // 25 seed providers, all already in the graph from their articles
        assertThat(report.format()).isEqualTo("csv");
        assertThat(report.rows()).isEqualTo(25);
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isEqualTo(25);
        assertThat(report.unchanged()).isZero();
        assertThat(report.rowsRejected()).isZero();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.collections()).containsExactly("International", "US local and regional", "US national");
        assertThat(report.collectionsCreated()).isEqualTo(3);

        Map<String, Object> wbur = outlet("wbur.org");
        assertThat(wbur).containsEntry("name", "WBUR").containsEntry("country", "US").containsEntry("language", "en")
                .containsEntry("mediaType", "broadcast").containsEntry("owner", "Boston University")
                .containsEntry("articles", 2L).containsEntry("collections", List.of("US local and regional"));
        assertThat(outlet("washingtonpost.com")).containsEntry("name", "Washington Post")
                .containsEntry("country", "US").containsEntry("mediaType", "national")
                .containsEntry("owner", "Nash Holdings").containsEntry("collections", List.of("US national"));
        assertThat(outlet("bizjournals.com")).containsEntry("mediaType", "regional")
                .containsEntry("collections", List.of("US local and regional"));
        assertThat(outlet("telegraph.co.uk")).containsEntry("name", "The Daily Telegraph")
                .containsEntry("country", "GB").containsEntry("mediaType", "national")
                .containsEntry("collections", List.of("International"));
        assertThat(outlet("businessinsider.com")).containsEntry("mediaType", "digital-native")
                .containsEntry("owner", "Axel Springer").containsEntry("collections", List.of("US national"));
        // no property is an empty string: every field of the file is filled, and keys are exactly these
        assertThat((List<Object>) wbur.get("keys")).containsExactlyInAnyOrder("domain", "name", "country", "language",
                "mediaType", "owner");
        // 13 US national, 5 US local and regional, 7 International outlets
        assertThat(graph.count("MATCH (:Provider)-[:IN_COLLECTION]->(:Collection {name: 'US national'}) "
                + "RETURN count(*)")).isEqualTo(13);
        assertThat(graph.count("MATCH (:Provider)-[:IN_COLLECTION]->(:Collection {name: 'US local and regional'}) "
                + "RETURN count(*)")).isEqualTo(5);
        assertThat(graph.count("MATCH (:Provider)-[:IN_COLLECTION]->(:Collection {name: 'International'}) "
                + "RETURN count(*)")).isEqualTo(7);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndCsvAndYamlGiveTheSameGraph() {
        imports.importFile(CSV);
        List<String> fromCsv = snapshot();
        assertThat(fromCsv).hasSize(25).contains(
                "wbur.org|WBUR|US|en|broadcast|Boston University|US local and regional;",
                "timeslive.co.za|Times LIVE|ZA|en|national|Arena Holdings|International;");

        ImportReport again = imports.importFile(CSV);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(25);
        assertThat(again.collectionsCreated()).isZero();
        assertThat(again.collectionsRemoved()).isZero();
        assertThat(snapshot()).isEqualTo(fromCsv);

        // the YAML version holds the same outlets: nothing to change after the CSV ...
        ImportReport yamlAfterCsv = imports.importFile(YAML);
        assertThat(yamlAfterCsv.format()).isEqualTo("yaml");
        assertThat(yamlAfterCsv.unchanged()).isEqualTo(25);
        assertThat(yamlAfterCsv.updated()).isZero();

        // ... and on its own it builds the same graph
        resetOutlets(client);
        ImportReport yaml = imports.importFile(YAML);
        assertThat(yaml.rows()).isEqualTo(25);
        assertThat(yaml.updated()).isEqualTo(25);
        assertThat(yaml.rejected()).isEmpty();
        assertThat(snapshot()).isEqualTo(fromCsv);
    }

    @Test
    void replacesMetadataAndMembershipsWithWhatTheFileSays() {
        imports.importFile(CSV);
        ImportReport report = imports.importText("change.csv", null, """
                domain,name,country,language,mediaType,owner,collections
                wbur.org,,US,,Public Radio,,Public radio
                """);
        assertThat(report.updated()).isEqualTo(1);
        // the name stays as it was (a file without a name does not remove it); the rest is what the file says
        Map<String, Object> wbur = outlet("wbur.org");
        assertThat(wbur).containsEntry("name", "WBUR").containsEntry("country", "US")
                .containsEntry("language", null).containsEntry("mediaType", "public-radio")
                .containsEntry("owner", null).containsEntry("collections", List.of("Public radio"));
        assertThat((List<Object>) wbur.get("keys")).containsExactlyInAnyOrder("domain", "name", "country", "mediaType");
        // wpxi.com, not in this file, keeps its collection
        assertThat(outlet("wpxi.com")).containsEntry("collections", List.of("US local and regional"));
        assertThat(graph.count("MATCH (:Provider)-[:IN_COLLECTION]->(:Collection {name: 'US local and regional'}) "
                + "RETURN count(*)")).isEqualTo(4);
    }

    @Test
    void reportsBadRowsByLineAndFieldAndImportsTheGoodOnes() {
        ImportReport report = imports.importText("bad.csv", "text/csv", """
                domain,name,country,language,mediaType,owner,collections,notes
                wbur.org,WBUR,US,en,Broadcast,Boston University,US local and regional|Public radio,x
                bad domain!,X,US,en,local,,,
                npr.org,NPR,USA,english,broadcast,,US national
                ,Nameless,US,en,,,
                "theguardian.com","The Guardian",gb,EN,National  Newspaper,"Guardian Media Group","International;UK press"
                WWW.WBUR.org,Again,US,en,,,
                newoutlet.example,New Outlet,DE,de,digital native,,International
                """);
        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(report.rowsRejected()).isEqualTo(4);
        assertThat(report.rejected()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
                tuple(3, "domain"), tuple(4, "country"),
                tuple(4, "language"), tuple(5, "domain"),
                tuple(7, "domain"));
        assertThat(report.rejected().get(0).reason()).contains("'bad domain!' is not a domain");
        assertThat(report.rejected().get(1).reason()).contains("'USA' is not an ISO 3166-1 alpha-2 country code");
        assertThat(report.rejected().get(2).reason()).contains("'english' is not an ISO 639-1 language code");
        assertThat(report.rejected().get(3).reason()).contains("missing");
        assertThat(report.rejected().get(4).reason()).isEqualTo("outlet wbur.org already given on line 2");
        assertThat(report.warnings()).singleElement().asString().contains("column 'notes' ignored");
        assertThat(report.collections()).containsExactly("International", "Public radio", "UK press",
                "US local and regional");

        assertThat(outlet("wbur.org")).containsEntry("name", "WBUR").containsEntry("mediaType", "broadcast")
                .containsEntry("collections", List.of("Public radio", "US local and regional"));
        assertThat(outlet("theguardian.com")).containsEntry("country", "GB").containsEntry("language", "en")
                .containsEntry("mediaType", "national-newspaper")
                .containsEntry("collections", List.of("International", "UK press"));
        // an outlet without articles yet becomes a provider
        assertThat(outlet("newoutlet.example")).containsEntry("name", "New Outlet").containsEntry("country", "DE")
                .containsEntry("language", "de").containsEntry("mediaType", "digital-native")
                .containsEntry("articles", 0L).containsEntry("collections", List.of("International"));
        // the rejected npr.org row changed nothing
        assertThat(outlet("npr.org")).containsEntry("country", null).containsEntry("collections", List.of());
    }

    @Test
    void reportsBadYamlItemsByLine() {
        ImportReport report = imports.importText("bad.yaml", null, """
                - domain: wbur.org
                  mediaType: broadcast
                  collections: [Public radio]
                - domain: npr.org
                  country: [US]
                - name: no domain
                - domain: thehill.com
                  country: NO
                  language: en
                  collections: US national | Politics
                """);
        assertThat(report.format()).isEqualTo("yaml");
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedRow::line, RejectedRow::field).containsExactly(
                tuple(5, "country"), tuple(6, "domain"));
        // YAML 1.1 would read NO as false: the outlet file keeps it as the country code of Norway
        assertThat(outlet("thehill.com")).containsEntry("country", "NO")
                .containsEntry("collections", List.of("Politics", "US national"));
        assertThat(outlet("wbur.org")).containsEntry("collections", List.of("Public radio"));
    }

    @Test
    void refusesAFileThatIsNoOutletFile() {
        assertThatThrownBy(() -> imports.importText("x.csv", null, "url,title\nhttps://a.example/,A\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no 'domain' column");
        assertThatThrownBy(() -> imports.importText("x.yaml", null, "domain: wbur.org\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("must be a list of outlets");
    }
}
