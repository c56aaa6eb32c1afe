package org.newsroom.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates ninjs documents against IPTC's ninjs 3.1 schema (JSON Schema 2020-12, formats asserted), offline: the
 * GeoJSON schema it references is served from the test resources. Every ninjs document a test sees goes through
 * here; the count is reported at the end of the run.
 */
public final class Ninjs {

    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(
                            "https://geojson.org/schema/GeoJSON.json", "classpath:ninjs/GeoJSON-schema.json")))
            .getSchema(
                    SchemaLocation.of("classpath:ninjs/ninjs-schema_3.1.json"),
                    SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build());

    private Ninjs() {}

    /** The schema's complaints about {@code document}; empty when it is valid. Not counted. */
    public static Set<ValidationMessage> problems(JsonNode document) {
        return SCHEMA.validate(document);
    }

    /** Fails the test unless {@code document} is valid ninjs 3.1; counts it. */
    public static JsonNode valid(JsonNode document) {
        assertThat(problems(document))
                .as("ninjs 3.1 validation of %s", document.path("uri"))
                .isEmpty();
        VALIDATED.incrementAndGet();
        return document;
    }

    public static int validated() {
        return VALIDATED.get();
    }
}
