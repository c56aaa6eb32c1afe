package org.newsroom.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.newsroom.article.ArticleEvent;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.HashChain;
import org.newsroom.eventlog.proof.LogVerifier;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.query.article.ArticleFold;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.Projections;
import org.springframework.stereotype.Service;

/**
 * Answers the auditors: the history from the audit projection; versions and diffs folded from the event log itself
 * (never from a projection); integrity from the stored events checked against the latest signed checkpoint of the
 * transparency log, so that an event altered or removed after it was signed is noticed, whatever else was rewritten.
 */
@Service
public class AuditTrail {

    private final Projections projections;
    private final EventStore eventStore;
    private final EventLogStorageEngine engine;
    private final LogVerifier verifier;

    AuditTrail(Projections projections, EventStore eventStore, EventLogStorageEngine engine, LogVerifier verifier) {
        this.projections = projections;
        this.eventStore = eventStore;
        this.engine = engine;
        this.verifier = verifier;
    }

    /** Two lookups by {@code _id}: the article's version, then its entries {@code <id>/1 … <id>/<version>}. */
    public Optional<AuditHistory> handle(FindAuditHistory query) {
        return recordedVersion(query.articleId())
                .map(version -> new AuditHistory(query.articleId(), entries(query.articleId(), 1, version)));
    }

    public Optional<ArticleVersion> handle(FindArticleVersion query) {
        ArticleVersion result = null;
        ArticleVersion current = null;
        DomainEventStream events = eventStore.readEvents(query.articleId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            long version = message.getSequenceNumber() + 1;
            if (query.version() != null
                    ? version > query.version()
                    : message.getTimestamp().isAfter(query.at())) {
                break;
            }
            current = ArticleFold.apply(current, (ArticleEvent) message.getPayload(), version, message.getTimestamp());
            result = current;
        }
        if (result != null && query.version() != null && result.version() != query.version()) {
            return Optional.empty();
        }
        return Optional.ofNullable(result);
    }

    public Optional<VersionDiff> handle(FindVersionDiff query) {
        Optional<ArticleVersion> from = handle(new FindArticleVersion(query.articleId(), query.from(), null));
        Optional<ArticleVersion> to = handle(new FindArticleVersion(query.articleId(), query.to(), null));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VersionDiff(
                query.articleId(), query.from(), query.to(), FieldChanges.between(from.get(), to.get())));
    }

    /**
     * Verifies the article's events as the log stores them against the latest signed checkpoint: the checkpoint's
     * signature, then for each event its place in the hash chain and, if the checkpoint covers it, its inclusion in
     * the signed tree, and last that the log still holds every position the checkpoint covers. The audit projection
     * only tells an article that the log lost entirely from one that never existed.
     */
    public Optional<IntegrityReport> handle(VerifyIntegrity query) {
        String id = query.articleId();
        List<StoredEventView> stored = engine.storedEvents(id);
        if (stored.isEmpty() && recordedVersion(id).isEmpty()) {
            return Optional.empty();
        }
        LogVerifier.VerifiedCheckpoint checkpoint;
        try {
            checkpoint = verifier.latest().orElse(null);
        } catch (SignedNote.InvalidNote e) {
            return Optional.of(IntegrityReport.invalid(
                    id, 0, null, "the latest checkpoint does not verify with the log's keys: " + e.getMessage(), null));
        }
        IntegrityReport.CheckpointSummary summary = checkpoint == null
                ? null
                : new IntegrityReport.CheckpointSummary(
                        checkpoint.stored().size(),
                        checkpoint.stored().rootHash(),
                        checkpoint.stored().timestamp());
        long covered = checkpoint == null ? 0 : checkpoint.stored().size();
        String previous = HashChain.GENESIS;
        long previousPosition = 0;
        int notYetCovered = 0;
        for (int i = 0; i < stored.size(); i++) {
            StoredEventView event = stored.get(i);
            if (event.position() <= previousPosition) {
                return Optional.of(IntegrityReport.invalid(
                        id,
                        i,
                        event.position(),
                        "event " + (i + 1) + " is not after event " + i + " in the log",
                        summary));
            }
            if (event.hash() == null || !event.hash().equals(event.recomputeHash(previous))) {
                return Optional.of(IntegrityReport.invalid(
                        id,
                        i,
                        event.position(),
                        "event " + (i + 1)
                                + " does not match its hash: it was altered, or an event before it was removed or"
                                + " reordered",
                        summary));
            }
            LogVerifier.Inclusion inclusion =
                    checkpoint == null ? LogVerifier.Inclusion.NOT_COVERED : verifier.inclusion(event, checkpoint);
            if (inclusion == LogVerifier.Inclusion.NOT_COVERED) {
                notYetCovered++;
            } else if (inclusion != LogVerifier.Inclusion.INCLUDED) {
                return Optional.of(IntegrityReport.invalid(
                        id,
                        i,
                        event.position(),
                        inclusion == LogVerifier.Inclusion.ALTERED
                                ? "event " + (i + 1) + " is not the event the signed checkpoint of " + covered
                                        + " events holds at position " + event.position()
                                        + ": it was altered after it was signed"
                                : "event " + (i + 1) + " is not in the tree of the signed checkpoint of " + covered
                                        + " events: the log and the transparency log's tiles were rewritten after"
                                        + " it was signed",
                        summary));
            }
            previous = event.hash();
            previousPosition = event.position();
        }
        if (checkpoint != null) {
            OptionalLong missing = verifier.firstMissingPosition(checkpoint);
            if (missing.isPresent()) {
                return Optional.of(IntegrityReport.invalid(
                        id,
                        stored.size(),
                        missing.getAsLong(),
                        "position " + missing.getAsLong() + " is missing from the log, though the signed checkpoint"
                                + " of " + covered + " events covers it: an event was removed",
                        summary));
            }
        }
        return Optional.of(IntegrityReport.valid(id, stored.size(), previous, summary, notYetCovered));
    }

    private Optional<Long> recordedVersion(String articleId) {
        Document article = audit().collection(AuditReadModel.ARTICLES)
                .find(eq(ProjectionBatch.ID, articleId))
                .first();
        return Optional.ofNullable(article)
                .map(document ->
                        Documents.fromDocument(document, ArticleVersion.class).version());
    }

    private List<AuditEntry> entries(String articleId, long fromVersion, long toVersion) {
        List<String> keys = LongStream.rangeClosed(fromVersion, toVersion)
                .mapToObj(version -> AuditEntry.key(articleId, version))
                .toList();
        List<AuditEntry> entries = audit().collection(AuditReadModel.ENTRIES)
                .find(in(ProjectionBatch.ID, keys))
                .map(document -> Documents.fromDocument(document, AuditEntry.class))
                .into(new ArrayList<>());
        entries.sort(Comparator.comparingLong(AuditEntry::version));
        return entries;
    }

    private ProjectionCollections audit() {
        return projections.active(AuditReadModel.NAME);
    }
}
