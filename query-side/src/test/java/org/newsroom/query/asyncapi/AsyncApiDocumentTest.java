package org.newsroom.query.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.syndication.SyndicationFeed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps the AsyncAPI document honest about the CloudEvent types: each channel carries a message for every type its
 * transport sends and none that the code does not emit, the types taken from the code (the integration feed's
 * {@link ArticleCloudEvents#knownTypes()}, derived from the sealed event interfaces and the log's own events, and
 * {@link SyndicationFeed#TYPES}). That the document is valid AsyncAPI is the official parser's check, in ui's build.
 */
class AsyncApiDocumentTest {

    private static final JsonNode DOCUMENT = AsyncApiDocument.ROOT;

    private static final Set<String> INTEGRATION = ArticleCloudEvents.knownTypes();
    private static final Set<String> SYNDICATION = SyndicationFeed.TYPES;

    @Test
    void everyChannelCarriesExactlyTheTypesItsFeedEmits() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("feedEvents", INTEGRATION);
        expected.put("feedStream", INTEGRATION);
        expected.put("integratorWebhook", INTEGRATION);
        expected.put("kafkaEvents", INTEGRATION);
        expected.put("syndicationEvents", SYNDICATION);
        expected.put("partnerWebhook", SYNDICATION);

        assertThat(names(DOCUMENT.path("channels"))).isEqualTo(expected.keySet());
        expected.forEach(
                (channel, types) -> assertThat(typesOf(DOCUMENT.path("channels").path(channel)))
                        .as("the message names of channel %s", channel)
                        .containsExactlyInAnyOrderElementsOf(types));
    }

    @Test
    void theDocumentNamesNoTypeTheCodeDoesNotEmit() {
        Set<String> named = new TreeSet<>();
        DOCUMENT.path("components")
                .path("messages")
                .forEach(message -> named.add(message.path("name").asText()));
        Set<String> emitted = new HashSet<>(INTEGRATION);
        emitted.addAll(SYNDICATION);

        assertThat(named).containsExactlyInAnyOrderElementsOf(emitted);
        assertThat(named).contains(ArticleCloudEvents.CHECKPOINT_TYPE, SyndicationFeed.PUBLISHED);
    }

    @Test
    void eachEnvelopeSchemaFixesTheTypeOfItsMessage() {
        int envelopes = 0;
        for (JsonNode message : DOCUMENT.path("components").path("messages")) {
            JsonNode payload = AsyncApiDocument.resolve(message.path("payload"));
            if (!payload.has("allOf")) {
                continue;
            }
            envelopes++;
            JsonNode typeConstant = payload.path("allOf")
                    .path(1)
                    .path("properties")
                    .path("type")
                    .path("const");
            assertThat(typeConstant.asText())
                    .as(
                            "the payload's type of message %s",
                            message.path("title").asText())
                    .isEqualTo(message.path("name").asText());
        }
        assertThat(envelopes)
                .as("messages whose payload is a whole CloudEvent")
                .isGreaterThanOrEqualTo(2 * (INTEGRATION.size() + SYNDICATION.size()));
    }

    private static Set<String> typesOf(JsonNode channel) {
        Set<String> types = new TreeSet<>();
        channel.path("messages").forEach(message -> {
            JsonNode resolved = AsyncApiDocument.resolve(message);
            assertThat(resolved.isMissingNode()).as("%s resolves", message).isFalse();
            types.add(resolved.path("name").asText());
        });
        return types;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
