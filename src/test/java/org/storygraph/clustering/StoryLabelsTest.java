package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoryLabelsTest {

    /**
     * A graph of 100 articles: "police" in 60 of them, "boston" in 3, "council" and "city council" in 4, "city" in
     * 10, "vote" in 8, "compani" in 5.
     */
    private static StoryLabels labels() {
        Lexicon lexicon = new Lexicon();
        lexicon.addFrequencies(Map.of("polic", 60, "boston", 3, "council", 4, "citi council", 4, "citi", 10,
                "vote", 4, "compani", 5), 100);
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
                new StoryLabels.Candidate("us", "used", 4)), 4, 4);
        // police: 4 of its 60 uses are the story's; city: 3 of 10 — common words, not the story's own
        assertThat(label.terms()).containsExactly("city council", "voted");
        assertThat(label.text()).isEqualTo("Boston Just Banned Facial Recognition — city council, voted");
    }

    @Test
    void aKeyPhraseMustBeTheStorysOwnNotMerelyRare() {
        // "company" is rare (5 of 100 articles) but only 2 of its 5 uses are in this story; "boston" 2 of 3
        var ibm = labels().label("IBM abandons facial recognition", List.of(
                new StoryLabels.Candidate("compani", "company", 2),
                new StoryLabels.Candidate("boston", "boston", 2)), 2, 2);
        assertThat(ibm.terms()).containsExactly("boston");
        assertThat(labels().concentration(new StoryLabels.Candidate("compani", "company", 2), 2, 2)).isEqualTo(0.4);
        // of a large story only the 200 members closest to its centre are read: 2 of 200 read members of a story
        // of 400 stand for 4 uses, 4 of the graph's 5
        assertThat(labels().concentration(new StoryLabels.Candidate("compani", "company", 2), 200, 400))
                .isEqualTo(0.8);
    }

    @Test
    void aStoryWithoutSharedTermsIsLabelledByItsHeadline() {
        assertThat(labels().label("FlowCentric rolls out thermal detection", List.of(), 1, 1).text())
                .isEqualTo("FlowCentric rolls out thermal detection");
    }
}
