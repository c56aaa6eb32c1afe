package org.newsroom.command.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyOriginal;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.DroppedMarkup;
import org.newsroom.article.Photo;
import org.newsroom.command.article.AgencyOutcome;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.article.ContentCheck;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.IngestAgencyVersion;
import org.newsroom.command.article.InvalidArticleContent;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.LanguageList;
import org.newsroom.command.article.SetEmbargo;
import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.command.dispatch.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns one delivered agency item into Article commands, as {@code ingest:<agency>}. Everything is read, validated
 * against the format's schema, converted and checked against the commands' content rules before the first command is
 * sent, so a refused item changes nothing. The article of an item is named by the item ({@code <agency>|<uri>}), so
 * every version of it, from any instance, reaches the same article: the first version drafts it and then becomes its
 * copy; later ones are applied, held or withdraw it, as the article decides. The version is recorded as ingested (its
 * idempotency key) only after all of that committed: a delivery that fails half-way is not marked, and delivering it
 * again completes it (the draft is already there; a version the article already took is not taken twice).
 */
public class AgencyIngest {

    private static final Logger log = LoggerFactory.getLogger(AgencyIngest.class);
    private static final String KNOWN_VERSION = "agency-version-known";

    private final NinjsReader ninjs;
    private final NewsMlReader newsMl = new NewsMlReader();
    private final CommandSender commands;
    private final IngestedItems items;
    private final EventStore events;
    private final LanguageList languages;
    private final boolean killOnCancel;
    private final Clock clock;

    public AgencyIngest(
            ObjectMapper mapper,
            CommandSender commands,
            IngestedItems items,
            EventStore events,
            LanguageList languages,
            boolean killOnCancel,
            Clock clock) {
        this.ninjs = new NinjsReader(mapper);
        this.commands = commands;
        this.items = items;
        this.events = events;
        this.languages = languages;
        this.killOnCancel = killOnCancel;
        this.clock = clock;
    }

    /** Reads {@code bytes} as ninjs ({@code json} content types) or NewsML-G2 ({@code xml}), then ingests them. */
    public IngestReceipt ingest(byte[] bytes, String contentType) {
        AgencyCopy copy = read(bytes, contentType);
        Optional<Document> known = items.find(copy.key());
        if (known.isPresent()) {
            return IngestReceipt.of(known.get(), false);
        }
        List<String> notes = new ArrayList<>(copy.notes());
        ArticleContent content = copy.content() == null ? null : checked(copy.content(), notes);
        String sha256 = Readings.sha256(bytes);
        AgencyItem item = new AgencyCopy(
                        copy.format(),
                        copy.source(),
                        copy.itemUri(),
                        copy.itemVersion(),
                        copy.versionCreated(),
                        copy.urgency(),
                        copy.subjects(),
                        copy.pubStatus(),
                        copy.embargoedUntil(),
                        content,
                        copy.pictures(),
                        copy.dropped(),
                        notes)
                .provenance(new AgencyOriginal(sha256, bytes.length, mediaType(contentType), copy.format()));
        Instant now = clock.instant();
        items.keepOriginal(sha256, bytes, mediaType(contentType), now);
        Document record = record(copy, item, now);
        if (content == null) {
            record.append("state", "picture").append("pictures", pictures(copy.pictures()));
        } else {
            ArticleId id = articleId(copy);
            Sent sent = send(id, item, content);
            record.append("articleId", id.value())
                    .append("articleVersion", sent.version())
                    .append("state", sent.state())
                    .append("headline", content.headline());
        }
        if (!items.record(record)) {
            return IngestReceipt.of(items.find(copy.key()).orElse(record), false);
        }
        return IngestReceipt.of(record, true);
    }

    /** The article every version of an item becomes. */
    static ArticleId articleId(AgencyCopy copy) {
        return new ArticleId(UUID.nameUUIDFromBytes(
                        ("agency|" + copy.source() + "|" + copy.itemUri()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    private AgencyCopy read(byte[] bytes, String contentType) {
        String type = mediaType(contentType);
        if (type.endsWith("json")) {
            return ninjs.read(bytes);
        } else if (type.endsWith("xml")) {
            return newsMl.read(bytes);
        }
        throw InvalidAgencyItem.unreadable(
                "Content-Type",
                "an agency item is application/json (ninjs) or application/xml (NewsML-G2), not " + type);
    }

    /** The content in the installation's language list, checked as the commands will check it. */
    private ArticleContent checked(ArticleContent content, List<String> notes) {
        String language = ContentCheck.listedLanguage(content.language(), languages)
                .orElseGet(() -> {
                    notes.add("language " + content.language() + " is not among the desk's languages: "
                            + languages.defaultTag() + " instead");
                    return languages.defaultTag();
                });
        ArticleContent listed = new ArticleContent(
                content.headline(),
                content.standfirst(),
                content.body(),
                language,
                content.photos(),
                content.bylines());
        try {
            ContentCheck.content(listed, languages);
        } catch (InvalidArticleContent invalid) {
            throw InvalidAgencyItem.refused(
                    invalid.field(), "the item cannot become an article: " + invalid.getMessage());
        }
        return listed;
    }

    private Sent send(ArticleId id, AgencyItem item, ArticleContent content) {
        String actor = "ingest:" + item.source();
        IngestAgencyVersion version = new IngestAgencyVersion(id, item, content, languages);
        CommandOutcome outcome;
        try {
            outcome = sendVersion(actor, version, id);
        } catch (AggregateNotFoundException firstVersion) {
            try {
                commands.sendAs(
                        actor,
                        new DraftArticle(
                                id,
                                content.headline(),
                                content.standfirst(),
                                content.body(),
                                content.language(),
                                languages));
            } catch (ConcurrencyException | AggregateStreamCreationException draftedElsewhere) {
                log.debug("article {} was drafted by another delivery of its first version", id.value());
            }
            outcome = sendVersion(actor, version, id);
        }
        if (outcome == null) {
            return new Sent(currentVersion(id), "received");
        }
        AgencyOutcome result = outcome.result(AgencyOutcome.class);
        long articleVersion = outcome.version();
        if (result != AgencyOutcome.WITHDRAWN
                && item.embargoedUntil() != null
                && item.embargoedUntil().isAfter(clock.instant())) {
            try {
                articleVersion = commands.sendAs(actor, new SetEmbargo(id, item.embargoedUntil(), clock.instant()))
                        .version();
            } catch (ArticleRuleViolation refused) {
                log.warn(
                        "the agency's embargo on {} was not set on article {}: {}",
                        item.itemUri(),
                        id.value(),
                        refused.getMessage());
            }
        }
        if (result == AgencyOutcome.WITHDRAWN && killOnCancel) {
            articleVersion = commands.sendAs(
                            actor,
                            new KillArticle(
                                    id,
                                    "The agency canceled " + item.itemUri() + " (version " + item.itemVersion()
                                            + "); newsroom.ingest.kill-on-cancel is set",
                                    "This article has been withdrawn."))
                    .version();
            return new Sent(articleVersion, "killed");
        }
        return new Sent(articleVersion, result.name().toLowerCase(Locale.ROOT));
    }

    /** The version's outcome; null when the article took this version before (a delivery that failed half-way). */
    private CommandOutcome sendVersion(String actor, IngestAgencyVersion version, ArticleId id) {
        try {
            return commands.sendAs(actor, version);
        } catch (ArticleRuleViolation violation) {
            if (KNOWN_VERSION.equals(violation.code())) {
                return null;
            }
            throw violation;
        }
    }

    private long currentVersion(ArticleId id) {
        return events.lastSequenceNumberFor(id.value()).map(last -> last + 1).orElse(0L);
    }

    private static Document record(AgencyCopy copy, AgencyItem item, Instant now) {
        List<Document> dropped = new ArrayList<>();
        for (DroppedMarkup markup : item.dropped()) {
            dropped.add(new Document("markup", markup.markup())
                    .append("count", markup.count())
                    .append("treatment", markup.treatment()));
        }
        return new Document("_id", copy.key())
                .append("source", copy.source())
                .append("itemUri", copy.itemUri())
                .append("itemVersion", copy.itemVersion())
                .append("format", copy.format())
                .append("pubStatus", copy.pubStatus().name().toLowerCase(Locale.ROOT))
                .append("urgency", copy.urgency())
                .append(
                        "versionCreated",
                        copy.versionCreated() == null
                                ? null
                                : copy.versionCreated().toString())
                .append(
                        "embargoedUntil",
                        copy.embargoedUntil() == null
                                ? null
                                : copy.embargoedUntil().toString())
                .append("receivedAt", now)
                .append("sha256", item.original().sha256())
                .append("size", item.original().size())
                .append("dropped", dropped)
                .append("notes", item.notes());
    }

    private static List<Document> pictures(List<Photo> pictures) {
        List<Document> documents = new ArrayList<>();
        for (Photo picture : pictures) {
            documents.add(new Document("uri", picture.uri())
                    .append("caption", picture.caption())
                    .append("credit", picture.credit()));
        }
        return documents;
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private record Sent(long version, String state) {}
}
