package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.storygraph.StoryGraphTest;
import org.storygraph.article.ArticleQueries;
import org.storygraph.coverage.CoverageService;
import org.storygraph.story.StoryQueries;

/** Read services retry transient database errors (a read overlapping a load), and only those. */
@StoryGraphTest
class ReadRetryTest {

    @Autowired
    FlakyReads flaky;
    @Autowired
    ArticleQueries articles;
    @Autowired
    StoryQueries stories;
    @Autowired
    CoverageService coverage;

    @Test
    void transientErrorsAreRetriedUpToThreeTimes() {
        flaky.failTimes(3);
        assertThat(flaky.read()).isEqualTo("ok");
        assertThat(flaky.calls()).isEqualTo(4);

        flaky.failTimes(10);
        assertThatThrownBy(flaky::read).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(flaky.calls()).isEqualTo(4);
    }

    @Test
    void otherErrorsAreNot() {
        flaky.failTimes(0);
        assertThatThrownBy(flaky::fail).isInstanceOf(IllegalStateException.class);
        assertThat(flaky.calls()).isEqualTo(1);
    }

    @Test
    void theReadServicesAreRetrying() {
        assertThat(AopUtils.isAopProxy(articles)).isTrue();
        assertThat(AopUtils.isAopProxy(stories)).isTrue();
        assertThat(AopUtils.isAopProxy(coverage)).isTrue();
    }
}
