package org.newsroom.command.article;

import java.util.List;

import org.newsroom.article.ArticleEvent;

/** What an arriving agency version records, in order, and what it did. */
record AgencyReception(AgencyOutcome outcome, List<ArticleEvent> events) {

    AgencyReception {
        events = List.copyOf(events);
    }
}
