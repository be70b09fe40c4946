package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StoryModelTest {

    @Test
    void theConfigurationDefaultsAreTheFittedModel() {
        StoryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("storygraph.story", StoryProperties.class);
        assertThat(properties.model()).isEqualTo(StoryModel.fitted());
    }

    @Test
    void aWeightCanBeOverriddenAloneByConfiguration() {
        StoryProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("storygraph.story.model.threshold", "0.5", "storygraph.story.model.window-days", "10")))
                .bindOrCreate("storygraph.story", StoryProperties.class);
        assertThat(properties.model().threshold()).isEqualTo(0.5);
        assertThat(properties.model().windowDays()).isEqualTo(10);
        assertThat(properties.model().embedding()).isEqualTo(StoryModel.fitted().embedding());
    }
}
