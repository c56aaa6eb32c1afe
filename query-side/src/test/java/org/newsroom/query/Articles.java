package org.newsroom.query;

import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.ReviseArticle;

/** Records real events by sending commands through Axon: each command here records exactly one event. */
public final class Articles {

    private final CommandGateway commands;

    public Articles(CommandGateway commands) {
        this.commands = commands;
    }

    public void draft(String id) {
        commands.sendAndWait(
                new DraftArticle(new ArticleId(id), "Headline of " + id, null, "<p>Body of " + id + "</p>", "en"));
    }

    public void revise(String id, String headline) {
        commands.sendAndWait(new ReviseArticle(new ArticleId(id), headline, null, null, null));
    }

    public void assignByline(String id) {
        commands.sendAndWait(
                new AssignByline(new ArticleId(id), List.of(new Byline("Angus MacKinnon", "author", "AFP"))));
    }

    /** Publishes without review, saying why, as agency copy may be: one event. */
    public void publish(String id) {
        commands.sendAndWait(SampleStory.publishWithoutReview(new ArticleId(id)));
    }

    /** Drafts, signs and publishes an article: three events. */
    public void draftAndPublish(String id) {
        draft(id);
        assignByline(id);
        publish(id);
    }
}
