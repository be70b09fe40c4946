package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoryLabelsTest {

    /** A graph of 100 articles: "police" in 60 of them, "boston" in 3, "council" and "city council" in 4. */
    private static StoryLabels labels() {
        Lexicon lexicon = new Lexicon();
        lexicon.addFrequencies(Map.of("polic", 60, "boston", 3, "council", 4, "citi council", 4, "citi", 10,
                "vote", 8), 100);
        return new StoryLabels(lexicon);
    }

    @Test
    void distinctiveTermsOutrankCommonOnesThatMoreMembersUse() {
        var common = new StoryLabels.Candidate("polic", "police", 4);
        var rare = new StoryLabels.Candidate("boston", "boston", 2);
        assertThat(labels().score(rare, 4)).isGreaterThan(labels().score(common, 4));
    }

    @Test
    void aPhraseStandsForItsWordsAndStopWordsNeverAppear() {
        var label = labels().label("Boston Just Banned Facial Recognition", List.of(
                new StoryLabels.Candidate("it", "its", 4),
                new StoryLabels.Candidate("polic", "police", 4),
                new StoryLabels.Candidate("citi council", "city council", 3),
                new StoryLabels.Candidate("council", "council", 3),
                new StoryLabels.Candidate("citi", "city", 3),
                new StoryLabels.Candidate("vote", "voted", 2),
                new StoryLabels.Candidate("us", "used", 4)), 4);
        assertThat(label.terms()).containsExactly("city council", "voted", "police");
        assertThat(label.text()).isEqualTo("Boston Just Banned Facial Recognition — city council, voted, police");
    }

    @Test
    void aStoryWithoutSharedTermsIsLabelledByItsHeadline() {
        assertThat(labels().label("FlowCentric rolls out thermal detection", List.of(), 1).text())
                .isEqualTo("FlowCentric rolls out thermal detection");
    }
}
