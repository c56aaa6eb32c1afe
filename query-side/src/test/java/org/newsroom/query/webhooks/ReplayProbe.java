package org.newsroom.query.webhooks;

import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.newsroom.article.ArticleEvent;

/** A projection as the query side builds them: a tracking processor over the log, which a rebuild replays. */
@ProcessingGroup(ReplayProbe.NAME)
class ReplayProbe {

    static final String NAME = "replay-probe";

    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();

    @EventHandler
    void on(ArticleEvent event) {
        handled.incrementAndGet();
    }

    @ResetHandler
    void onReset() {
        handled.set(0);
        resets.incrementAndGet();
    }

    long handled() {
        return handled.get();
    }

    long resets() {
        return resets.get();
    }
}
