package org.storygraph.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.storygraph.clustering.StoriesChanged;
import org.storygraph.clustering.StoryChange;
import org.storygraph.runs.RunQueries;
import org.storygraph.runs.RunViews;
import org.storygraph.story.StoryViews.StoryChangeEvent;

/**
 * The story change feed: every clustering run's changes as server-sent events ({@code event: created|grown|merged|
 * split|removed}, {@code id:} the change's sequence number, JSON data), to every open stream. A client that
 * reconnects with {@code Last-Event-ID} first gets the stored changes after that id (at most {@code replay}, the
 * newest), then live ones, none twice. Idle streams get a heartbeat comment; streams leave the feed when they
 * complete, time out or fail, and are closed before the web server's graceful shutdown waits for requests.
 * Events are sent from one thread of the feed's own, so a slow client never holds clustering up.
 */
@Component
@EnableConfigurationProperties(ChangeFeedProperties.class)
class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    /** One change as sent. */
    record Event(long sequence, String kind, StoryChangeEvent data) {
    }

    private final RunQueries runs;
    private final ChangeFeedProperties properties;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The heartbeat timer and the sending thread: made on start, ended on stop (a context may restart). */
    private volatile ScheduledExecutorService heartbeats;
    private volatile ExecutorService sender;
    private volatile boolean running;

    ChangeFeed(RunQueries runs, ChangeFeedProperties properties) {
        this.runs = runs;
        this.properties = properties;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A new stream: the stored changes after {@code lastEventId} first (none when null), then live ones. */
    SseEmitter subscribe(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, lastEventId == null ? -1 : lastEventId);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber); // live events from here on wait in its queue until the replay is sent
        List<Event> replay = lastEventId == null ? List.of()
                : runs.changesAfter(lastEventId, properties.replay()).stream().map(ChangeFeed::event).toList();
        subscriber.caughtUp(replay, replay.size() >= properties.replay());
        return emitter;
    }

    /** Open streams (for the tests and the log). */
    int subscribers() {
        return subscribers.size();
    }

    @EventListener
    void onStoriesChanged(StoriesChanged changed) {
        List<Event> events = new ArrayList<>();
        for (StoryChange c : changed.changes()) {
            events.add(new Event(c.sequence(), c.kind(), new StoryChangeEvent(c.storyId(), changed.runId(),
                    c.fromIds(), c.size(), changed.at())));
        }
        ExecutorService out = sender;
        if (!events.isEmpty() && !subscribers.isEmpty() && out != null) {
            try {
                out.execute(() -> subscribers.forEach(s -> s.live(events)));
            } catch (RejectedExecutionException stopping) {
                // the feed is stopping: its streams are closed, their clients reconnect with Last-Event-ID
            }
        }
    }

    private static Event event(RunViews.Change c) {
        return new Event(c.sequence(), c.kind(), new StoryChangeEvent(c.storyId(), c.runId(), c.fromIds(), c.size(),
                c.at()));
    }

    private void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        long every = Math.max(1, properties.heartbeat().toMillis());
        sender = Executors.newSingleThreadExecutor(r -> daemon(r, "change-feed"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "change-feed-heartbeat"));
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Closes every stream (before the web server waits for open requests) and stops the feed's threads. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
        heartbeats.shutdownNow();
        sender.shutdownNow();
        heartbeats = null;
        sender = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One open stream: what it was sent last, and live events held while its replay is sent. */
    private final class Subscriber {
        final SseEmitter emitter;
        private long lastSent;
        private List<Event> held = new ArrayList<>();

        Subscriber(SseEmitter emitter, long lastSent) {
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        synchronized void caughtUp(List<Event> replay, boolean truncated) {
            if (truncated) {
                comment("replay: the newest " + replay.size() + " changes; older ones at /api/runs/{id}/changes");
            }
            send(replay);
            List<Event> waiting = held;
            held = null;
            send(waiting);
        }

        synchronized void live(List<Event> events) {
            if (held != null) {
                held.addAll(events);
            } else {
                send(events);
            }
        }

        synchronized void heartbeat() {
            comment("heartbeat");
        }

        private void send(List<Event> events) {
            for (Event e : events) {
                if (e.sequence() <= lastSent) {
                    continue;
                }
                try {
                    emitter.send(SseEmitter.event().id(Long.toString(e.sequence())).name(e.kind())
                            .data(e.data(), MediaType.APPLICATION_JSON));
                    lastSent = e.sequence();
                } catch (IOException | IllegalStateException ex) {
                    gone(ex);
                    return;
                }
            }
        }

        private void comment(String text) {
            try {
                emitter.send(SseEmitter.event().comment(text));
            } catch (IOException | IllegalStateException ex) {
                gone(ex);
            }
        }

        private void gone(Exception cause) {
            log.debug("Change feed stream closed: {}", cause.toString());
            subscribers.remove(this);
            emitter.completeWithError(cause);
        }
    }
}
