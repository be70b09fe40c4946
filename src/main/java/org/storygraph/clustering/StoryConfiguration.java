package org.storygraph.clustering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoryProperties.class)
class StoryConfiguration {

    /** The in-process embedding model (loads on the first text to embed; ~200 MB resident). */
    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder(StoryProperties properties) {
        return new SentenceEmbedder(properties.threads());
    }
}
