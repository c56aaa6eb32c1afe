package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.query.NewsroomIT;
import org.newsroom.query.QueryTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

/**
 * A poison event, written into the log by "another instance": a revision of an article that was never drafted. The
 * editorial and audit projections park it (and only its article) in the dead-letter queue and keep projecting the
 * others; a rebuild leaves the parked article out; a retry fails while the article does not exist and evicts the
 * letter once it does (the revision, older than the draft, then changes nothing). In a context of its own,
 * closed afterwards, so that the poisoned log does not reach other tests.
 * <p>
 * The extension points the live processors offer, with beans of the test's own: handler interceptors run on every
 * live projection after its writer, in bean order; a handler enhancer that fails an article's events (the way the
 * reliability suite's fault does) parks that article in every live projection while the others keep flowing.
 */
@SpringBootTest(
        classes = QueryTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.query.wait-timeout=2s",
            "spring.main.banner-mode=off",
            "management.endpoints.web.exposure.include=health,projections"
        })
@DirtiesContext
@Import({PoisonEventIT.FirstProbe.class, PoisonEventIT.SecondProbe.class, PoisonEventIT.FailingArticle.class})
class PoisonEventIT extends NewsroomIT {

    private static final List<String> PROJECTIONS = List.of("audit", "editorial", "site");

    private static final Path DATA_DIR = temporaryDirectory("newsroom-poison-it");
    private static final String STREAM = "ghost-stream";
    private static final String GHOST = "ghost-article";

    @Autowired
    private MongoDatabase database;

    @Autowired
    private FailingArticle failing;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("newsroom.data-dir", DATA_DIR::toString);
    }

    @Test
    void aPoisonEventIsParkedWhileOtherArticlesKeepProjectingAndIsRetriedLater() {
        send("reporter", new DraftArticle(new ArticleId("bystander-before"), "Before", null, "", null));
        long poison = appendRevisionOfAnArticleNeverDrafted();

        for (String projection : List.of("editorial", "audit")) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deadLetters(projection)).hasSize(1));
            JsonNode letter = deadLetters(projection).get(0);
            assertThat(letter.path("articleId").asText()).isEqualTo(STREAM);
            assertThat(letter.path("position").asLong()).isEqualTo(poison);
            assertThat(letter.path("type").asText()).isEqualTo("ArticleRevised");
            assertThat(letter.path("cause").asText()).contains("never drafted");
        }
        assertThat(deadLetters("site")).isEmpty();

        long after = send("reporter", new DraftArticle(new ArticleId("bystander-after"), "After", null, "", null));
        assertThat(http.get("/api/articles/bystander-after?atLeast=" + after, "editor")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/audit/articles/bystander-after/history?atLeast=" + after, "auditor")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/actuator/projections/editorial", OPERATOR)
                        .json()
                        .path("parkedArticles")
                        .asLong())
                .isEqualTo(1);

        http.post("/actuator/projections/editorial/rebuild", OPERATOR);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/actuator/projections/editorial/rebuild", OPERATOR)
                        .json()
                        .path("state")
                        .asText()
                        .matches("COMPLETED|FAILED"));
        assertThat(http.get("/actuator/projections/editorial/rebuild", OPERATOR)
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("COMPLETED");
        assertThat(http.get("/api/articles/bystander-after", "editor").status()).isEqualTo(200);

        JsonNode failedAgain = http.post("/actuator/projections/editorial/dead-letters", OPERATOR)
                .json();
        assertThat(failedAgain.path("tried").asLong()).isEqualTo(1);
        assertThat(failedAgain.path("succeeded").asLong()).isZero();
        assertThat(failedAgain.path("stillParked").asLong()).isEqualTo(1);

        long drafted = send("reporter", new DraftArticle(new ArticleId(GHOST), "Drafted at last", null, "", null));
        assertThat(http.get("/api/articles/" + GHOST + "?atLeast=" + drafted, "editor")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/audit/articles/" + GHOST + "/history?atLeast=" + drafted, "auditor")
                        .status())
                .isEqualTo(200);
        for (String projection : List.of("editorial", "audit")) {
            JsonNode retried = http.post("/actuator/projections/" + projection + "/dead-letters", OPERATOR)
                    .json();
            assertThat(retried.path("succeeded").asLong()).as(projection).isEqualTo(1);
            assertThat(retried.path("stillParked").asLong()).as(projection).isZero();
            assertThat(deadLetters(projection)).isEmpty();
        }
        // the revision sits in the log before the draft: handled now, but older than what the article shows
        JsonNode ghost = http.get("/api/articles/" + GHOST, "editor").json();
        assertThat(ghost.path("headline").asText()).isEqualTo("Drafted at last");
        assertThat(http.get("/audit/articles/" + GHOST + "/history", "auditor")
                        .json()
                        .path("entries"))
                .hasSize(1);
    }

    @Test
    void handlerInterceptorBeansRunOnEveryLiveProjectionAfterItsWriterInBeanOrder() {
        String article = "intercepted-article";
        send("reporter", new DraftArticle(new ArticleId(article), "Intercepted", null, "", null));

        for (String projection : PROJECTIONS) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Probe.calls(article, projection))
                            .as(projection)
                            .containsExactly("first", "second"));
        }
        assertThat(Probe.calls(article, Probe.NO_WRITER)).isEmpty();
    }

    @Test
    void aHandlerEnhancerBeanThatFailsAnArticleParksItInEveryLiveProjectionWhileOthersFlow() {
        String article = "enhanced-fault";
        failing.articleId = article;
        long drafted = send("reporter", new DraftArticle(new ArticleId(article), "Failing", null, "", null));
        long other = send("reporter", new DraftArticle(new ArticleId("enhanced-bystander"), "Flowing", null, "", null));

        for (String projection : PROJECTIONS) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(deadLetters(projection)).as(projection).hasSize(1));
            JsonNode letter = deadLetters(projection).get(0);
            assertThat(letter.path("articleId").asText()).isEqualTo(article);
            assertThat(letter.path("position").asLong()).isEqualTo(drafted);
            assertThat(letter.path("cause").asText()).contains("fails on purpose");
        }
        assertThat(http.get("/api/articles/enhanced-bystander?atLeast=" + other, "editor")
                        .status())
                .isEqualTo(200);

        failing.articleId = null;
        for (String projection : PROJECTIONS) {
            JsonNode retried = http.post("/actuator/projections/" + projection + "/dead-letters", OPERATOR)
                    .json();
            assertThat(retried.path("succeeded").asLong()).as(projection).isEqualTo(1);
            assertThat(deadLetters(projection)).as(projection).isEmpty();
        }
        assertThat(http.get("/api/articles/" + article, "editor")
                        .json()
                        .path("headline")
                        .asText())
                .isEqualTo("Failing");
    }

    /**
     * Records, for each event, which projection's writer had already started its batch when this interceptor ran,
     * and which probe it was.
     */
    abstract static class Probe implements MessageHandlerInterceptor<EventMessage<?>> {

        static final String NO_WRITER = "no writer";
        private static final Queue<String[]> CALLS = new ConcurrentLinkedQueue<>();

        private final String name;

        Probe(String name) {
            this.name = name;
        }

        static List<String> calls(String articleId, String projection) {
            return CALLS.stream()
                    .filter(call -> call[0].equals(articleId) && call[1].equals(projection))
                    .map(call -> call[2])
                    .toList();
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                String projection = unitOfWork.root().resources().values().stream()
                        .filter(ProjectionBatch.class::isInstance)
                        .map(batch -> ((ProjectionBatch) batch).target().projection())
                        .findFirst()
                        .orElse(NO_WRITER);
                CALLS.add(new String[] {event.getAggregateIdentifier(), projection, name});
            }
            return chain.proceed();
        }
    }

    @Order(1)
    static class FirstProbe extends Probe {
        FirstProbe() {
            super("first");
        }
    }

    @Order(2)
    static class SecondProbe extends Probe {
        SecondProbe() {
            super("second");
        }
    }

    /** Makes every projection handler fail on one article's events while it is named, as a handler with a bug would. */
    static class FailingArticle implements HandlerEnhancerDefinition {

        volatile String articleId;

        @Override
        public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
            if (!original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
                return original;
            }
            return new WrappedMessageHandlingMember<>(original) {
                @Override
                public Object handle(Message<?> message, T target) throws Exception {
                    if (message instanceof DomainEventMessage<?> event
                            && event.getAggregateIdentifier().equals(articleId)) {
                        throw new IllegalStateException(event.getPayloadType().getSimpleName() + " of article "
                                + articleId + " fails on purpose");
                    }
                    return super.handle(message, target);
                }
            };
        }
    }

    /** Takes the next free position, as a second writer on the same log would, with an event nobody can apply. */
    private long appendRevisionOfAnArticleNeverDrafted() {
        long position = engine.headPosition() + 1;
        Document event = new Document("position", position)
                .append("seq", 1L)
                .append("eventId", UUID.randomUUID().toString())
                .append("payloadType", "org.newsroom.article.ArticleRevised")
                .append("revision", "1")
                .append("timestamp", new Date())
                .append("payload", new Document("articleId", GHOST).append("headline", "Written by a ghost"))
                .append("metaData", new Document("actor", "ghost"))
                .append("hash", "0".repeat(64));
        database.getCollection("events")
                .insertOne(new Document("_id", position)
                        .append("commitId", UUID.randomUUID().toString())
                        .append("aggregateType", "Article")
                        .append("aggregateId", STREAM)
                        .append("seqKey", STREAM + "#1")
                        .append("events", List.of(event)));
        return position;
    }

    private JsonNode deadLetters(String projection) {
        return http.get("/actuator/projections/" + projection + "/dead-letters", OPERATOR)
                .json()
                .path("deadLetters");
    }
}
