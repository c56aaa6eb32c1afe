package org.newsroom.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;

/**
 * A MongoDB asked for writes or reads below majority is refused at startup: after a failover, the event log's readers
 * would have passed positions that the rollback emptied.
 */
class MajorityConcernsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"w=0", "w=1", "w=2", "journal=false", "readConcernLevel=local", "readConcernLevel=available"})
    void aUriAskingForLessThanMajorityIsRefusedWithTheReason(String option) {
        assertThatThrownBy(() -> connect("mongodb://127.0.0.1:1/newsroom?" + option))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MONGODB_URI asks for " + option + ": refused")
                .hasMessageContaining("majority");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "w=majority", "w=majority&wtimeoutMS=5000&readConcernLevel=majority", "journal=true"})
    void aUriAskingForMajorityOrNothingIsAcceptedWithMajorityWritesAndReads(String options) {
        try (MongoConfiguration.MongoConnection connection = connect("mongodb://127.0.0.1:1/newsroom?" + options)) {
            assertThat(connection.database().getWriteConcern().getWObject()).isEqualTo("majority");
            assertThat(connection.database().getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"w=0", "readConcernLevel=local"})
    void theEmbeddedServerIsExempt(String option) {
        try (MongoConfiguration.MongoConnection connection = MongoConfiguration.embedded(
                "mongodb://127.0.0.1:1/?" + option,
                "newsroom",
                () -> {},
                Duration.ofSeconds(1),
                Duration.ofSeconds(1))) {
            assertThat(connection.isEmbedded()).isTrue();
            assertThat(connection.database().getWriteConcern()).isNotEqualTo(WriteConcern.MAJORITY);
        }
    }

    private static MongoConfiguration.MongoConnection connect(String uri) {
        return MongoConfiguration.connect(uri, "newsroom", Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
