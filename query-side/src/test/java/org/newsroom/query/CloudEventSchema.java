package org.newsroom.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The CloudEvents 1.0 JSON schema (a copy of the specification's, with its licence, in test resources). */
public final class CloudEventSchema {

    private static final JsonSchema SCHEMA = load();

    private CloudEventSchema() {}

    private static JsonSchema load() {
        try (InputStream schema = CloudEventSchema.class.getResourceAsStream("/cloudevents/cloudevents.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about an envelope; empty when it is valid. */
    public static Set<String> violations(JsonNode envelope) {
        return SCHEMA.validate(envelope).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }
}
