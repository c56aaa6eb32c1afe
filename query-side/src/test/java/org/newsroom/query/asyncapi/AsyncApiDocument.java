package org.newsroom.query.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The AsyncAPI document on the classpath, and its schemas as a JSON Schema validator reads them. */
final class AsyncApiDocument {

    static final JsonNode ROOT = read();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private AsyncApiDocument() {}

    /** The document's own text. */
    static String text() {
        try (InputStream in = new ClassPathResource(AsyncApiController.DOCUMENT).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a local {@code $ref} ({@code #/a/b/c}); the node itself when it is none. */
    static JsonNode resolve(JsonNode node) {
        JsonNode reference = node.path("$ref");
        if (reference.isMissingNode()) {
            return node;
        }
        return ROOT.at(reference.asText().substring(1));
    }

    /**
     * The schema of the whole CloudEvent of {@code type}: the payload of the structured-mode message named so (its
     * Kafka message's payload is the data alone).
     */
    static Optional<String> envelopeSchemaOf(String type) {
        for (JsonNode message : ROOT.path("components").path("messages")) {
            String payload = message.path("payload").path("$ref").asText();
            if (message.path("name").asText().equals(type)
                    && message.path("contentType").asText().equals("application/cloudevents+json")) {
                return Optional.of(payload.substring(payload.lastIndexOf('/') + 1));
            }
        }
        return Optional.empty();
    }

    /** What the schema {@code #/components/schemas/<name>} finds wrong with {@code instance}; empty when valid. */
    static Set<String> violations(String name, JsonNode instance) {
        ObjectNode schema = JSON.createObjectNode();
        schema.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + name);
        schema.set("components", ROOT.path("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schema, CONFIG)
                .validate(instance)
                .stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AsyncApiController.DOCUMENT, e);
        }
    }
}
