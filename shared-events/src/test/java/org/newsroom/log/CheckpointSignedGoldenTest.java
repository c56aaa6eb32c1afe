package org.newsroom.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Stored checkpoints are read back by today's class: the golden file deserializes into the event and serializes to
 * exactly the same JSON, with the event log's date handling (ISO instants).
 */
class CheckpointSignedGoldenTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void theGoldenCheckpointRoundTripsUnchanged() throws IOException {
        JsonNode golden = golden();

        CheckpointSigned event = mapper.treeToValue(golden, CheckpointSigned.class);

        JsonNode reserialized = mapper.readTree(mapper.writeValueAsString(event));
        assertThat(reserialized).isEqualTo(golden);
        assertThat(event.size()).isEqualTo(20_852_163L);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-31T14:02:00.123Z"));
        assertThat(event.note()).startsWith("newsroom.example/log\n20852163\n" + event.rootHash() + "\n\n— ");
    }

    @Test
    void theCheckpointEventCarriesItsRevision() {
        assertThat(CheckpointSigned.class.getAnnotation(Revision.class).value()).isEqualTo("1");
    }

    private JsonNode golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/CheckpointSigned.json")) {
            assertThat(in).as("golden file for CheckpointSigned").isNotNull();
            return mapper.readTree(in);
        }
    }
}
