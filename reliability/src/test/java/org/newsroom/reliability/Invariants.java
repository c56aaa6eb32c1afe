package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The invariants of issue 7, checked from the outside after a scenario, once the system is quiet:
 * <ul>
 * <li>I1 every acknowledged write is in the log: the feed has, at the position the write was answered with, an event
 * of that article at that version, and the audit trail records it under the write's correlation id;</li>
 * <li>I2 every subscriber saw each article's events in order: the pulled feed, each SSE stream (across its
 * reconnections), each webhook receiver;</li>
 * <li>I3 nothing is missing: the feed is gap-free; the editorial copy, the audit trail and the site document of every
 * article agree with the article's events; every SSE stream and every active webhook receiver got every event;</li>
 * <li>I4 effects were applied once: no logical operation (correlation id) produced two events, no idempotent retry
 * two outcomes, no audit entry is doubled, no correction note repeated, no photo attached twice, and every
 * redelivered webhook carried the same event;</li>
 * <li>I5 every projection equals a fresh rebuild: every answer of the site, editorial and audit routes is the same
 * before and after each projection was rebuilt from the log through {@code /actuator/projections};</li>
 * <li>I6 every article's hash chain verifies ({@code /audit/articles/{id}/integrity}) over all its events.</li>
 * </ul>
 * Besides, every webhook signature must verify and every published body must stay within the allowed HTML.
 */
final class Invariants {

    private static final Duration QUIET = Duration.ofSeconds(120);
    private static final int READERS = 4;
    private static final Set<String> STATE_EVENTS =
            Set.of("drafted", "submitted-for-review", "changes-requested", "published", "unpublished", "killed");

    /** A registered webhook and its receiver; {@code active}: whether it must receive everything. */
    record Hook(
            WebhookReceiver receiver,
            String id,
            long registeredAt,
            Set<String> types,
            boolean active,
            Duration senderTimeout) {

        boolean wants(FeedEvent event) {
            return event.position() > registeredAt && (types.isEmpty() || types.contains(event.type()));
        }
    }

    /** What a check found. */
    static final class Report {
        private final String scenario;
        private final List<String> violations = new ArrayList<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        Report(String scenario) {
            this.scenario = scenario;
        }

        void violation(String invariant, String what) {
            violations.add(invariant + ": " + what);
        }

        void count(String what, long howMany) {
            counts.merge(what, howMany, Long::sum);
        }

        List<String> violations() {
            return List.copyOf(violations);
        }

        Map<String, Long> counts() {
            return Map.copyOf(counts);
        }

        String summary() {
            return "[" + scenario + "] invariants I1-I6 checked over " + counts + "; violations: " + violations.size();
        }

        /** Prints the summary (and the first violations), then fails if there is any. */
        void assertClean() {
            System.out.println(summary());
            violations.stream().limit(40).forEach(violation -> System.out.println("  " + violation));
            assertThat(violations).as(summary()).isEmpty();
        }
    }

    private final Http http;
    private final Ledger ledger;
    private final List<SseSubscriber> streams = new ArrayList<>();
    private final Map<SseSubscriber, Long> streamStarts = new HashMap<>();
    private final List<Hook> hooks = new ArrayList<>();

    Invariants(Http http, Ledger ledger) {
        this.http = http;
        this.ledger = ledger;
    }

    Invariants stream(SseSubscriber subscriber, long after) {
        streams.add(subscriber);
        streamStarts.put(subscriber, after);
        return this;
    }

    Invariants webhook(Hook hook) {
        hooks.add(hook);
        return this;
    }

    /** Waits until the system is quiet, then checks I1–I6. */
    Report check(String scenario) {
        Report report = new Report(scenario);
        List<FeedEvent> feed = quietFeed();
        report.count("events", feed.size());
        checkFeed(feed, report);
        Map<String, List<FeedEvent>> articles = byArticle(feed);
        report.count("articles", articles.size());
        checkAcknowledged(feed, report);
        long head = feed.isEmpty() ? 0 : feed.get(feed.size() - 1).position();
        Map<String, Reading> before = read(articles, head);
        checkProjections(articles, before, report);
        checkCorrelations(before, report);
        checkStreams(feed, report);
        checkWebhooks(feed, report);
        checkRebuild(articles, before, head, report);
        return report;
    }

    // ---- quiescence and the feed ----

    /**
     * The feed once the system is quiet: the log's latest event is a checkpoint that signs everything before it (the
     * signer adds one within its interval after the last write, so a check that read the log earlier would find one
     * more event on the stream and the webhooks than in its copy), and every projection has read up to it.
     */
    private List<FeedEvent> quietFeed() {
        boolean signing =
                !http.getJson("/audit/log/public-key", null).path("keys").isEmpty();
        AtomicReference<List<FeedEvent>> quiet = new AtomicReference<>(List.of());
        try {
            await().atMost(QUIET).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<FeedEvent> feed = Feed.readAll(http);
                quiet.set(feed);
                if (feed.isEmpty()) {
                    return true;
                }
                FeedEvent last = feed.get(feed.size() - 1);
                if (signing && !signsEverythingBefore(last)) {
                    return false;
                }
                for (JsonNode projection :
                        http.getJson("/actuator/projections", "operator").path("projections")) {
                    if (projection.path("position").asLong() < last.position()) {
                        return false;
                    }
                }
                return true;
            });
        } catch (ConditionTimeoutException e) {
            List<FeedEvent> feed = quiet.get();
            throw new AssertionError(
                    "not quiet within " + QUIET + ": the log ends with "
                            + (feed.isEmpty()
                                    ? "nothing"
                                    : feed.get(feed.size() - 1).envelope()) + "; "
                            + http.get("/actuator/projections", "operator"),
                    e);
        }
        return quiet.get();
    }

    private static boolean signsEverythingBefore(FeedEvent event) {
        return event.type().equals("news.log.checkpoint.v1")
                && event.data().path("size").asLong() == event.position() - 1;
    }

    private static void checkFeed(List<FeedEvent> feed, Report report) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < feed.size(); i++) {
            FeedEvent event = feed.get(i);
            if (event.position() != i + 1) {
                report.violation(
                        "I3",
                        "the feed has position " + event.position() + " where " + (i + 1)
                                + " belongs: a gap or a duplicate");
                return;
            }
            if (!ids.add(event.id())) {
                report.violation("I4", "event id " + event.id() + " appears twice in the feed");
            }
        }
        byArticle(feed).forEach((article, events) -> {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).version() != i + 1) {
                    report.violation(
                            "I2",
                            "the feed gives article " + article + " versions "
                                    + events.stream().map(FeedEvent::version).toList());
                    return;
                }
            }
        });
    }

    /** The article events of the feed by article; the log's own events (its checkpoints) are not an article's. */
    private static Map<String, List<FeedEvent>> byArticle(List<FeedEvent> feed) {
        return feed.stream()
                .filter(event -> event.type().startsWith("news.article."))
                .collect(Collectors.groupingBy(FeedEvent::articleId, LinkedHashMap::new, Collectors.toList()));
    }

    // ---- I1 ----

    private void checkAcknowledged(List<FeedEvent> feed, Report report) {
        List<Ledger.Ack> acks = ledger.acks();
        report.count("acknowledged writes", acks.size());
        for (Ledger.Ack ack : acks) {
            FeedEvent event =
                    ack.position() >= 1 && ack.position() <= feed.size() ? feed.get((int) ack.position() - 1) : null;
            if (event == null || !event.articleId().equals(ack.articleId()) || event.version() != ack.version()) {
                report.violation(
                        "I1",
                        ack.command() + " acknowledged as " + ack.articleId() + " v" + ack.version()
                                + " at position " + ack.position() + " but the log has "
                                + (event == null ? "nothing" : event.articleId() + " v" + event.version()) + " there");
            }
        }
        Map<String, Set<Long>> positionsByKey = new HashMap<>();
        acks.stream()
                .filter(ack -> ack.idempotencyKey() != null)
                .forEach(ack -> positionsByKey
                        .computeIfAbsent(ack.idempotencyKey(), key -> new TreeSet<>())
                        .add(ack.position()));
        positionsByKey.forEach((key, positions) -> {
            if (positions.size() > 1) {
                report.violation("I4", "Idempotency-Key " + key + " was answered with positions " + positions);
            }
        });
    }

    // ---- reading every article's projections ----

    /** What the query routes answer about one article. */
    record Reading(JsonNode editorial, JsonNode history, JsonNode integrity, String slug, Http.Reply site) {}

    /** Reads every article's answers, a few articles at a time. */
    private Map<String, Reading> read(Map<String, List<FeedEvent>> articles, long head) {
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            Map<String, Future<Reading>> pending = new LinkedHashMap<>();
            articles.forEach((id, events) -> pending.put(id, readers.submit(() -> read(id, events, head))));
            Map<String, Reading> readings = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Reading>> entry : pending.entrySet()) {
                readings.put(entry.getKey(), entry.getValue().get(QUIET.toSeconds(), TimeUnit.SECONDS));
            }
            return readings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the articles' projections", e);
        } finally {
            readers.shutdownNow();
        }
    }

    private Reading read(String id, List<FeedEvent> events, long head) {
        String slug = events.stream()
                .filter(event -> event.is("published"))
                .map(event -> event.data().path("slug").asText())
                .reduce((first, last) -> last)
                .orElse(null);
        return new Reading(
                http.getJson("/api/articles/" + id + "?atLeast=" + head, "editor"),
                http.getJson("/audit/articles/" + id + "/history?atLeast=" + head, "auditor"),
                http.getJson("/audit/articles/" + id + "/integrity", "auditor"),
                slug,
                slug == null
                        ? null
                        : http.call("GET", "/site/articles/" + slug + "?atLeast=" + head)
                                .correlation("invariants")
                                .send());
    }

    // ---- I3, I4 (documents), I6 ----

    private void checkProjections(Map<String, List<FeedEvent>> articles, Map<String, Reading> readings, Report report) {
        Set<String> published = new TreeSet<>();
        articles.forEach((id, events) -> {
            Reading reading = readings.get(id);
            Fold fold = Fold.of(events);
            checkEditorial(id, events.size(), fold, reading.editorial(), report);
            checkHistory(id, events, reading.history(), report);
            checkSite(id, fold, reading, report);
            if ("PUBLISHED".equals(fold.state)) {
                published.add(id);
            }
            JsonNode integrity = reading.integrity();
            if (!integrity.path("valid").asBoolean() || integrity.path("events").asLong() != events.size()) {
                report.violation("I6", "article " + id + " with " + events.size() + " events: integrity " + integrity);
            }
        });
        Set<String> listed =
                siteList().stream().map(Invariants::articleIdOf).collect(Collectors.toCollection(TreeSet::new));
        if (!listed.equals(published)) {
            Set<String> missing = new TreeSet<>(published);
            missing.removeAll(listed);
            Set<String> extra = new TreeSet<>(listed);
            extra.removeAll(published);
            report.violation("I3", "the site list misses " + missing + " and has " + extra + " too many");
        }
        http.getJson("/actuator/projections", "operator")
                .path("projections")
                .fields()
                .forEachRemaining(projection -> {
                    if (projection.getValue().path("parkedArticles").asLong() != 0) {
                        report.violation(
                                "I3",
                                "projection " + projection.getKey() + " has parked articles: "
                                        + http.getJson(
                                                        "/actuator/projections/" + projection.getKey()
                                                                + "/dead-letters",
                                                        "operator")
                                                .path("deadLetters"));
                    }
                });
        long total =
                http.getJson("/api/articles?size=1", "editor").path("total").asLong();
        if (total != articles.size()) {
            report.violation("I3", "the work list counts " + total + " articles, the log has " + articles.size());
        }
        report.count("projected documents checked", readings.size() * 3L + published.size());
    }

    private static void checkEditorial(String id, int events, Fold fold, JsonNode editorial, Report report) {
        List<String> problems = new ArrayList<>();
        if (editorial.path("version").asLong() != events) {
            problems.add("version " + editorial.path("version") + " for " + events + " events");
        }
        if (!fold.state.equals(editorial.path("state").asText())) {
            problems.add("state " + editorial.path("state") + " instead of " + fold.state);
        }
        if (!Objects.equals(fold.headline, editorial.path("headline").asText(null))) {
            problems.add("headline '" + editorial.path("headline").asText() + "' instead of '" + fold.headline + "'");
        }
        if (editorial.path("publicationNumber").asInt() != fold.publicationNumber) {
            problems.add(
                    "publication " + editorial.path("publicationNumber") + " instead of " + fold.publicationNumber);
        }
        List<String> photos = new ArrayList<>();
        editorial
                .path("photos")
                .forEach(photo -> photos.add(photo.path("photoId").asText()));
        if (!photos.equals(fold.photos)) {
            problems.add("photos " + photos + " instead of " + fold.photos);
        }
        problems.forEach(problem -> report.violation(
                problem.startsWith("photos") ? "I4" : "I3", "editorial copy of " + id + ": " + problem));
    }

    private static void checkHistory(String id, List<FeedEvent> events, JsonNode history, Report report) {
        List<Long> positions = new ArrayList<>();
        history.path("entries")
                .forEach(entry -> positions.add(entry.path("position").asLong()));
        List<Long> expected = events.stream().map(FeedEvent::position).toList();
        if (!positions.equals(expected)) {
            boolean doubled = new HashSet<>(positions).size() < positions.size();
            report.violation(
                    doubled ? "I4" : "I3",
                    "audit history of " + id + " has positions " + positions + " for events at " + expected);
        }
    }

    private static void checkSite(String id, Fold fold, Reading reading, Report report) {
        if (reading.slug() == null) {
            return;
        }
        Http.Reply site = reading.site();
        int expected = switch (fold.siteState) {
            case "published" -> 200;
            case "killed" -> 410;
            default -> 404;
        };
        if (site.status() != expected) {
            report.violation("I3", "site page of " + id + " (" + fold.siteState + ") answers " + site.status());
            return;
        }
        if (expected != 200) {
            return;
        }
        JsonNode ninjs = site.json();
        if (!String.valueOf(fold.publicationNumber).equals(ninjs.path("version").asText())) {
            report.violation(
                    "I3",
                    "site page of " + id + " is version " + ninjs.path("version") + ", the last publication is "
                            + fold.publicationNumber);
        }
        List<String> notes = new ArrayList<>();
        ninjs.path("descriptions").forEach(description -> {
            String role = description.path("role").asText();
            if (role.equals("correction") || role.equals("clarification")) {
                notes.add(description.path("value").asText());
            }
        });
        if (!notes.equals(fold.notes)) {
            report.violation(
                    "I4", "site page of " + id + " shows notes " + notes + " for publications with " + fold.notes);
        }
        ninjs.path("bodies")
                .forEach(body -> AllowedHtml.violations(body.path("value").asText())
                        .forEach(bad -> report.violation("HTML", "site page of " + id + ": " + bad)));
    }

    private List<JsonNode> siteList() {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page =
                    http.getJson("/site/articles?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), null);
            page.path("items").forEach(items::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    private static String articleIdOf(JsonNode ninjs) {
        for (JsonNode altId : ninjs.path("altIds")) {
            if ("newsroom-article-id".equals(altId.path("role").asText())) {
                return altId.path("value").asText();
            }
        }
        return ninjs.path("uri").asText();
    }

    /** An article as its events say it is. */
    private static final class Fold {
        String state = "DRAFT";
        String siteState = "never";
        String headline;
        int publicationNumber;
        final List<String> photos = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        static Fold of(List<FeedEvent> events) {
            Fold fold = new Fold();
            List<String> notesSoFar = new ArrayList<>();
            for (FeedEvent event : events) {
                JsonNode data = event.data();
                switch (event.name()) {
                    case "drafted" -> fold.headline = data.path("headline").asText();
                    case "revised" -> {
                        if (data.hasNonNull("headline")) {
                            fold.headline = data.path("headline").asText();
                        }
                    }
                    case "photo-attached" ->
                        fold.photos.add(data.path("photo")
                                .path("photoId")
                                .asText(data.path("photoId").asText()));
                    case "photo-detached" ->
                        fold.photos.remove(data.path("photoId").asText());
                    case "photos-reordered" -> {
                        fold.photos.clear();
                        data.path("photoIds").forEach(photoId -> fold.photos.add(photoId.asText()));
                    }
                    case "published" -> {
                        fold.publicationNumber = data.path("publicationNumber").asInt();
                        fold.siteState = "published";
                        String kind = data.path("changeKind").asText("");
                        if ((kind.equalsIgnoreCase("correction") || kind.equalsIgnoreCase("clarification"))
                                && data.hasNonNull("note")) {
                            notesSoFar.add(data.path("note").asText());
                        }
                        fold.notes.clear();
                        fold.notes.addAll(notesSoFar);
                    }
                    case "unpublished" -> fold.siteState = "unpublished";
                    case "killed" -> fold.siteState = fold.siteState.equals("never") ? "never" : "killed";
                    default -> {}
                }
                if (STATE_EVENTS.contains(event.name())) {
                    fold.state = switch (event.name()) {
                        case "drafted", "changes-requested" -> "DRAFT";
                        case "submitted-for-review" -> "IN_REVIEW";
                        case "published" -> "PUBLISHED";
                        case "unpublished" -> "UNPUBLISHED";
                        default -> "KILLED";
                    };
                }
            }
            return fold;
        }
    }

    // ---- I4: one logical operation, one event ----

    private void checkCorrelations(Map<String, Reading> readings, Report report) {
        Map<String, List<String>> eventsByCorrelation = new HashMap<>();
        readings.forEach((id, reading) -> reading.history()
                .path("entries")
                .forEach(entry -> eventsByCorrelation
                        .computeIfAbsent(entry.path("correlationId").asText(), key -> new ArrayList<>())
                        .add(id + " v" + entry.path("version").asLong())));
        Set<String> ours = new HashSet<>();
        ledger.acks().forEach(ack -> ours.add(ack.correlationId()));
        ledger.refusals().forEach(refusal -> ours.add(refusal.correlationId()));
        eventsByCorrelation.forEach((correlation, events) -> {
            if (ours.contains(correlation) && events.size() > 1) {
                report.violation(
                        "I4", "one operation (" + correlation + ") recorded " + events.size() + " events: " + events);
            }
        });
        for (Ledger.Ack ack : ledger.acks()) {
            List<String> recorded = eventsByCorrelation.getOrDefault(ack.correlationId(), List.of());
            if (!recorded.contains(ack.articleId() + " v" + ack.version())) {
                report.violation(
                        "I1",
                        ack.command() + " " + ack.correlationId() + " acknowledged as " + ack.articleId() + " v"
                                + ack.version() + " but the audit trail records it as " + recorded);
            }
        }
    }

    // ---- subscribers: I2, I3, I4 ----

    private void checkStreams(List<FeedEvent> feed, Report report) {
        for (SseSubscriber stream : streams) {
            long after = streamStarts.get(stream);
            Set<Long> expected = feed.stream()
                    .map(FeedEvent::position)
                    .filter(position -> position > after)
                    .collect(Collectors.toCollection(TreeSet::new));
            awaitQuietly(() -> positions(stream.received()).containsAll(expected));
            List<FeedEvent> received = stream.received();
            report.count("stream events", received.size());
            List<Long> positions = received.stream().map(FeedEvent::position).toList();
            if (!new TreeSet<>(positions).equals(expected)) {
                Set<Long> missing = new TreeSet<>(expected);
                missing.removeAll(positions);
                report.violation("I3", "the SSE stream missed positions " + abbreviate(missing));
            }
            if (new HashSet<>(positions).size() != positions.size()) {
                report.violation(
                        "I2",
                        "the SSE stream delivered a position twice across its " + stream.connections()
                                + " connections");
            }
            checkOrder("SSE stream", received, report);
            stream.failures().forEach(failure -> report.violation("I3", "SSE stream: " + failure));
        }
    }

    private void checkWebhooks(List<FeedEvent> feed, Report report) {
        Map<Long, FeedEvent> byPosition = feed.stream().collect(Collectors.toMap(FeedEvent::position, e -> e));
        for (Hook hook : hooks) {
            Set<Long> expected = feed.stream()
                    .filter(hook::wants)
                    .map(FeedEvent::position)
                    .collect(Collectors.toCollection(TreeSet::new));
            Predicate<WebhookReceiver.Delivery> accepted = delivery -> delivery.accepted(hook.senderTimeout());
            if (hook.active()) {
                awaitQuietly(() -> positions(hook.receiver().deliveries().stream()
                                .filter(accepted)
                                .map(WebhookReceiver.Delivery::event)
                                .toList())
                        .containsAll(expected));
            }
            List<WebhookReceiver.Delivery> deliveries = hook.receiver().deliveries();
            report.count("webhook requests", deliveries.size());
            deliveries.stream()
                    .filter(delivery -> !delivery.signatureValid())
                    .findFirst()
                    .ifPresent(bad ->
                            report.violation("signature", hook.receiver().name() + ": " + bad.signatureProblem()));
            Map<String, String> bodies = new HashMap<>();
            List<FeedEvent> firstAcceptances = new ArrayList<>();
            for (WebhookReceiver.Delivery delivery : deliveries) {
                FeedEvent event = delivery.event();
                FeedEvent logged = byPosition.get(event.position());
                if (logged == null
                        || !logged.id().equals(delivery.webhookId())
                        || !logged.envelope().equals(event.envelope())) {
                    report.violation(
                            "I4",
                            hook.receiver().name() + " got an event that is not the log's at position "
                                    + event.position() + ": " + delivery.body());
                }
                String earlier = bodies.putIfAbsent(delivery.webhookId(), delivery.body());
                if (earlier != null && !earlier.equals(delivery.body())) {
                    report.violation(
                            "I4",
                            hook.receiver().name() + ": webhook-id " + delivery.webhookId()
                                    + " was delivered with two different bodies");
                }
                if (accepted.test(delivery) && firstAcceptances.stream().noneMatch(e -> e.id().equals(event.id()))) {
                    firstAcceptances.add(event);
                }
            }
            checkOrder(hook.receiver().name(), firstAcceptances, report);
            List<Long> positions =
                    firstAcceptances.stream().map(FeedEvent::position).toList();
            for (int i = 1; i < positions.size(); i++) {
                if (positions.get(i) <= positions.get(i - 1)) {
                    report.violation(
                            "I2",
                            hook.receiver().name() + " took position " + positions.get(i) + " after "
                                    + positions.get(i - 1));
                    break;
                }
            }
            if (hook.active() && !new TreeSet<>(positions).equals(expected)) {
                Set<Long> missing = new TreeSet<>(expected);
                missing.removeAll(positions);
                Set<Long> unwanted = new TreeSet<>(positions);
                unwanted.removeAll(expected);
                report.violation(
                        "I3",
                        hook.receiver().name() + " misses " + abbreviate(missing) + ", got unwanted "
                                + abbreviate(unwanted));
            }
        }
    }

    private static void checkOrder(String subscriber, List<FeedEvent> received, Report report) {
        Map<String, Long> lastVersion = new HashMap<>();
        for (FeedEvent event : received) {
            Long last = lastVersion.put(event.articleId(), event.version());
            if (last != null && event.version() <= last) {
                report.violation(
                        "I2", subscriber + " saw " + event.articleId() + " v" + event.version() + " after v" + last);
            }
        }
    }

    private static Set<Long> positions(List<FeedEvent> events) {
        return events.stream().map(FeedEvent::position).collect(Collectors.toSet());
    }

    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(QUIET).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            // what is still missing is reported as a violation by the caller
        }
    }

    private static String abbreviate(Set<Long> positions) {
        return positions.size() <= 20
                ? positions.toString()
                : positions.stream().limit(20).toList() + " and " + (positions.size() - 20) + " more";
    }

    // ---- I5 ----

    private void checkRebuild(
            Map<String, List<FeedEvent>> articles, Map<String, Reading> before, long head, Report report) {
        Map<String, String> live = snapshot(articles.keySet(), before);
        rebuild(List.of("site", "editorial", "audit"));
        Map<String, String> rebuilt = snapshot(articles.keySet(), read(articles, head));
        report.count("answers compared before and after rebuilds", live.size());
        new TreeMap<>(live).forEach((what, answer) -> {
            if (!answer.equals(rebuilt.get(what))) {
                report.violation(
                        "I5",
                        what + " differs after a rebuild:\n    live    " + answer + "\n    rebuilt "
                                + rebuilt.get(what));
            }
        });
        if (!rebuilt.keySet().equals(live.keySet())) {
            report.violation("I5", "the rebuilt answers cover other routes than the live ones");
        }
    }

    private Map<String, String> snapshot(Set<String> ids, Map<String, Reading> readings) {
        Map<String, String> answers = new HashMap<>();
        for (String id : ids) {
            Reading reading = readings.get(id);
            answers.put("GET /api/articles/" + id, reading.editorial().toString());
            answers.put(
                    "GET /audit/articles/" + id + "/history", reading.history().toString());
            if (reading.slug() != null) {
                answers.put(
                        "GET /site/articles/" + reading.slug(),
                        reading.site().status() + " "
                                + reading.site().header("ETag").orElse("") + " "
                                + reading.site().body());
            }
        }
        List<String> list = siteList().stream().map(JsonNode::toString).toList();
        answers.put("GET /site/articles (all pages)", String.join("\n", list));
        List<String> work = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.getJson("/api/articles?size=100&page=" + page, "editor")
                    .path("items");
            items.forEach(item -> work.add(item.toString()));
            if (items.size() < 100) {
                break;
            }
        }
        work.sort(null);
        answers.put("GET /api/articles (all pages, by content)", String.join("\n", work));
        return answers;
    }

    /** Rebuilds the projections from the log, side by side (each has its own processor), and waits for all. */
    private void rebuild(List<String> projections) {
        for (String projection : projections) {
            Http.Reply started = http.post("/actuator/projections/" + projection + "/rebuild", "operator", null);
            if (started.status() != 202) {
                throw new AssertionError("rebuild of " + projection + " did not start: " + started);
            }
        }
        for (String projection : projections) {
            await().atMost(QUIET)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> http.getJson("/actuator/projections/" + projection + "/rebuild", "operator")
                            .path("state")
                            .asText()
                            .matches("COMPLETED|FAILED"));
            JsonNode progress = http.getJson("/actuator/projections/" + projection + "/rebuild", "operator");
            if (!"COMPLETED".equals(progress.path("state").asText())) {
                throw new AssertionError("rebuild of " + projection + " failed: " + progress);
            }
        }
    }
}
