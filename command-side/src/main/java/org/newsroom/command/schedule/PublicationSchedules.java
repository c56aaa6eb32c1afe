package org.newsroom.command.schedule;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.PublicationScheduled;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * The pending scheduled publications, one document per article in {@value #COLLECTION}, kept from the events by the
 * {@value #PROCESSOR} processor and read by the instance that fires them. Every write is keyed by {@code _id}: a
 * schedule recorded at a position replaces only what an earlier position left, and the firer removes only the
 * schedule it fired.
 */
public class PublicationSchedules {

    /** The processor, its processing group, and its name in the token store. */
    public static final String PROCESSOR = "publication-schedule";

    public static final String COLLECTION = "publication_schedules";

    private final MongoCollection<Document> collection;

    PublicationSchedules(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** {@code event}, recorded at {@code position} by {@code by}, is now the article's pending schedule. */
    void scheduled(PublicationScheduled event, @Nullable String by, long position) {
        String article = event.articleId().value();
        if (find(article).filter(stored -> stored.lastPosition() >= position).isPresent()) {
            return;
        }
        PendingPublication pending =
                new PendingPublication(article, event.scheduleId(), event.at(), by, position, null);
        collection.replaceOne(
                eq(PendingPublication.ID, article), pending.toDocument(), new ReplaceOptions().upsert(true));
    }

    /** The article's schedule recorded before {@code position} is no longer pending. */
    void ended(String articleId, long position) {
        find(articleId)
                .filter(stored -> stored.lastPosition() < position)
                .ifPresent(stored -> collection.deleteOne(and(
                        eq(PendingPublication.ID, articleId),
                        eq(PendingPublication.SCHEDULE_ID, stored.scheduleId()))));
    }

    /**
     * The schedules to fire at {@code now}. A scan: the collection holds the pending schedules only, a few dozen on a
     * busy desk, and the instance that fires reads it every check interval.
     */
    List<PendingPublication> due(Instant now) {
        List<PendingPublication> due = new ArrayList<>();
        collection.find().forEach(document -> {
            PendingPublication pending = PendingPublication.of(document);
            if (pending.dueAt(now)) {
                due.add(pending);
            }
        });
        return due;
    }

    /** Removes {@code pending}, fired or found no longer pending, unless another schedule replaced it meanwhile. */
    void remove(PendingPublication pending) {
        collection.deleteOne(and(
                eq(PendingPublication.ID, pending.articleId()),
                eq(PendingPublication.SCHEDULE_ID, pending.scheduleId())));
    }

    /** {@code pending} was refused: it is tried again at {@code retryAt}. */
    void retryLater(PendingPublication pending, Instant retryAt) {
        collection.updateOne(
                and(
                        eq(PendingPublication.ID, pending.articleId()),
                        eq(PendingPublication.SCHEDULE_ID, pending.scheduleId())),
                Updates.set(PendingPublication.RETRY_AT, Date.from(retryAt)));
    }

    /** The article's pending schedule, as the processor has seen it so far. */
    Optional<PendingPublication> find(String articleId) {
        return Optional.ofNullable(
                        collection.find(eq(PendingPublication.ID, articleId)).first())
                .map(PendingPublication::of);
    }
}
