package org.storygraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application against the shared test database ({@link TestDatabase}), with MockMvc. Every test class with this
 * annotation shares one cached context. Seeds are not auto-loaded: tests arrange the graph with {@link GraphFixtures}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "storygraph.ingest.seeds.load-when-empty=false",
        // tests write to the graph directly too; ReadCacheTest covers the cache
        "storygraph.web.cache.enabled=false",
        // tests poll feeds themselves (FeedPoller.pollDue), never on a schedule
        "storygraph.feeds.poll=false",
        "storygraph.web.api-key=" + StoryGraphTest.API_KEY})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@AutoConfigureMockMvc
public @interface StoryGraphTest {
    String API_KEY = "test-api-key";
}
