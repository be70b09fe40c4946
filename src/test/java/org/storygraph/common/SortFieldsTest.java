package org.storygraph.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.storygraph.common.SortFields.Field;

/** {@code sort} values read as Spring Data reads them, mapped only to the allow-list's Cypher. */
class SortFieldsTest {

    static final SortFields STORIES = SortFields.of("size", Field.desc("size", "s.size"),
            Field.desc("recency", "s.lastPublishedAt"), Field.asc("label", "s.label").withNullsLast());

    private static String cypher(String... values) {
        return STORIES.parse(values == null ? null : List.of(values)).cypher();
    }

    @Test
    void takesTheDefaultOrderAndEachFieldsDefaultDirection() {
        assertThat(STORIES.parse(null).cypher()).isEqualTo("s.size DESC");
        assertThat(cypher()).isEqualTo("s.size DESC");
        assertThat(cypher("")).isEqualTo("s.size DESC");
        assertThat(cypher("recency")).isEqualTo("s.lastPublishedAt DESC");
        assertThat(cypher("label")).isEqualTo("s.label IS NULL, s.label ASC");
    }

    @Test
    void readsDirectionsAsSpringDataDoes() {
        assertThat(cypher("size,asc")).isEqualTo("s.size ASC");
        assertThat(cypher("size,DESC")).isEqualTo("s.size DESC");
        // several fields with one direction, repeated parameters, each with its own direction
        assertThat(cypher("size,recency,asc")).isEqualTo("s.size ASC, s.lastPublishedAt ASC");
        assertThat(cypher("recency,asc", "size")).isEqualTo("s.lastPublishedAt ASC, s.size DESC");
        assertThat(cypher("label,desc", "size,asc")).isEqualTo("s.label IS NULL, s.label DESC, s.size ASC");
        // Spring MVC splits one "sort=size,asc" bound to a List into [size, asc]
        assertThat(cypher("size", "asc")).isEqualTo("s.size ASC");
        assertThat(cypher("recency", "size")).isEqualTo("s.lastPublishedAt DESC, s.size DESC");
        // a field named twice counts once, blanks are ignored, names are matched without case
        assertThat(cypher(" Recency , asc ", "recency,desc")).isEqualTo("s.lastPublishedAt ASC");
        assertThat(STORIES.parse(List.of("recency,asc")).toString()).isEqualTo("recency,asc");
    }

    @Test
    void refusesUnknownFieldsListingTheAllowedOnes() {
        assertThatThrownBy(() -> cypher("title")).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.getMessage()).contains("'title'", "size (desc), recency (desc), label (asc)");
        });
        // user text never reaches the Cypher: an injection attempt is just an unknown field
        assertThatThrownBy(() -> cypher("size DESC, s.secret")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cypher(",desc")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("needs a field");
        assertThat(STORIES.names()).containsExactly("size", "recency", "label");
    }
}
