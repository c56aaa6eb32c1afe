package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which unique index a duplicate key hit is read from the error, as MongoDB and the embedded server word it. */
class DuplicateKeyTest {

    @Test
    void theIndexIsReadFromTheMessagesOfMongoDbAndTheEmbeddedServer() {
        assertThat(LogWriter.duplicateIndex(
                        "E11000 duplicate key error collection: newsroom.events index: _id_ dup key: { _id: 42 }"))
                .isEqualTo("_id_");
        assertThat(LogWriter.duplicateIndex("E11000 duplicate key error collection: newsroom.events index: seqKey"
                        + " dup key: { seqKey: \"a1#3\" }"))
                .isEqualTo("seqKey");
        assertThat(LogWriter.duplicateIndex(
                        "E11000 duplicate key error index: newsroom.events.$idempotentRequest dup key: { : \"x\" }"))
                .isEqualTo("idempotentRequest");
    }

    @Test
    void aMessageWithoutAnIndexNamesNone() {
        assertThat(LogWriter.duplicateIndex("E11000 duplicate key error")).isNull();
        assertThat(LogWriter.duplicateIndex(null)).isNull();
    }
}
