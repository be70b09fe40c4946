package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The limiter's arithmetic on a clock the test moves: concurrency, the sliding minute, Retry-After, clients apart. */
class QueryRunLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private QueryRunLimiter limiter(int concurrent, int perMinute) {
        return new QueryRunLimiter(new QueryRunLimits(true, concurrent, perMinute, 100, Duration.ofMinutes(5)),
                now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void refusesARunBeyondTheConcurrentLimitUntilOneFinishes() {
        var limiter = limiter(2, 100);
        var first = limiter.tryStart("10.0.0.1");
        var second = limiter.tryStart("10.0.0.1");
        assertThat(first.granted()).isTrue();
        assertThat(second.granted()).isTrue();
        assertThat(limiter.running("10.0.0.1")).isEqualTo(2);

        var third = limiter.tryStart("10.0.0.1");
        assertThat(third.granted()).isFalse();
        assertThat(third.refusal().reason()).contains("at once").contains("limit 2");
        assertThat(third.refusal().retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.tryStart("10.0.0.2").granted()).as("another client").isTrue();

        first.permit().close();
        first.permit().close(); // closing twice releases once
        assertThat(limiter.running("10.0.0.1")).isEqualTo(1);
        assertThat(limiter.tryStart("10.0.0.1").granted()).isTrue();
        assertThat(limiter.tryStart("10.0.0.1").granted()).isFalse();
    }

    @Test
    void countsRunsInASlidingMinuteAndSaysWhenTheNextOneFits() {
        var limiter = limiter(10, 3);
        limiter.tryStart("c").permit().close();
        advance(Duration.ofSeconds(20));
        limiter.tryStart("c").permit().close();
        advance(Duration.ofSeconds(20));
        limiter.tryStart("c").permit().close();
        advance(Duration.ofMillis(10_500)); // 50.5 s after the first run

        var fourth = limiter.tryStart("c");
        assertThat(fourth.granted()).isFalse();
        assertThat(fourth.refusal().reason()).contains("3 per minute");
        assertThat(fourth.refusal().retryAfterSeconds()).isEqualTo(10); // 9.5 s, rounded up

        advance(Duration.ofMillis(9_500)); // the first run leaves the window
        assertThat(limiter.tryStart("c").granted()).isTrue();
        assertThat(limiter.tryStart("c").granted()).as("the second run is still inside").isFalse();
        advance(Duration.ofSeconds(20));
        assertThat(limiter.tryStart("c").granted()).isTrue();
    }

    @Test
    void refusedRunsDoNotCount() {
        var limiter = limiter(1, 2);
        var held = limiter.tryStart("c");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryStart("c").granted()).isFalse();
        }
        held.permit().close();
        assertThat(limiter.tryStart("c").granted()).isTrue();
    }

    @Test
    void remembersABoundedNumberOfClients() {
        var limiter = new QueryRunLimiter(new QueryRunLimits(true, 1, 1, 10, Duration.ofMinutes(1)), now::get);
        for (int i = 0; i < 1_000; i++) {
            limiter.tryStart("10.0." + (i / 256) + "." + (i % 256)).permit().close();
        }
        long remembered = 0;
        for (int i = 0; i < 1_000; i++) {
            if (!limiter.tryStart("10.0." + (i / 256) + "." + (i % 256)).granted()) {
                remembered++;
            }
        }
        assertThat(remembered).as("clients still limited").isLessThanOrEqualTo(20);
    }

    @Test
    void validatesItsSettings() {
        assertThat(new QueryRunLimits(true, 4, 120, 10_000, Duration.ofSeconds(5)).idle())
                .isEqualTo(Duration.ofMinutes(1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueryRunLimits(true, 0, 120, 10_000, Duration.ofMinutes(5)));
    }
}
