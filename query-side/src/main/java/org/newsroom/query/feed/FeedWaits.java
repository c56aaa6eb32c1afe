package org.newsroom.query.feed;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls of the pull feed ({@code wait=}): a request that found nothing new is parked, without holding a
 * server thread, until the {@link LiveFeed} reports new events that match it or its wait is over.
 */
public class FeedWaits implements SmartLifecycle {

    private final LiveFeed feed;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    private final Runnable onNewEvents = this::recheckAll;
    private ExecutorService checks;
    private volatile boolean running;

    public FeedWaits(LiveFeed feed) {
        this.feed = feed;
    }

    /**
     * Answers {@code result} with the first page after {@code after} that holds a matching event, or with an empty
     * page (whose {@code next} is the last position examined) once {@code wait} is over.
     */
    public void await(
            long after, int limit, int scanLimit, FeedFilter filter, Duration wait, DeferredResult<FeedPage> result) {
        Wait parked = new Wait(after, limit, scanLimit, filter, result);
        result.onTimeout(() -> parked.finish(FeedPage.empty(parked.after)));
        result.onCompletion(() -> waits.remove(parked));
        waits.add(parked);
        parked.recheck();
    }

    private void recheckAll() {
        for (Wait wait : waits) {
            try {
                checks.execute(wait::recheck);
            } catch (RejectedExecutionException e) {
                wait.finish(FeedPage.empty(wait.after));
            }
        }
    }

    @Override
    public synchronized void start() {
        checks = Executors.newSingleThreadExecutor(FeedStreams.daemonThreads("feed-wait-"));
        feed.addListener(onNewEvents);
        running = true;
    }

    /** Answers every parked request at once, so that a graceful shutdown does not wait for them. */
    @Override
    public synchronized void stop() {
        running = false;
        feed.removeListener(onNewEvents);
        waits.forEach(wait -> wait.finish(FeedPage.empty(wait.after)));
        checks.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }

    private final class Wait {

        private final int limit;
        private final int scanLimit;
        private final FeedFilter filter;
        private final DeferredResult<FeedPage> result;
        private volatile long after;

        Wait(long after, int limit, int scanLimit, FeedFilter filter, DeferredResult<FeedPage> result) {
            this.after = after;
            this.limit = limit;
            this.scanLimit = scanLimit;
            this.filter = filter;
            this.result = result;
        }

        synchronized void recheck() {
            if (result.isSetOrExpired()) {
                return;
            }
            FeedPage page = feed.page(after, limit, scanLimit, filter);
            if (!page.events().isEmpty()) {
                finish(page);
            } else {
                after = page.next();
            }
        }

        void finish(FeedPage page) {
            waits.remove(this);
            result.setResult(page);
        }
    }
}
