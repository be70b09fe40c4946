package org.storygraph.feeds;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Polls due feeds every {@code storygraph.feeds.tick}, unless {@code storygraph.feeds.poll=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "storygraph.feeds.poll", havingValue = "true", matchIfMissing = true)
class FeedScheduling implements SchedulingConfigurer {

    private final FeedPoller poller;
    private final FeedsProperties properties;

    FeedScheduling(FeedPoller poller, FeedsProperties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                poller.pollDue();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FeedScheduling.class).warn("Polling feeds failed: {}", e.toString());
            }
        }, properties.tick());
    }
}
