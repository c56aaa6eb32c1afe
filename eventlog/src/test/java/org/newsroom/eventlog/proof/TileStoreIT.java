package org.newsroom.eventlog.proof;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The tiled tree over a real event log on the embedded server: its roots and proofs are those of the tree computed in
 * memory from the same stored events, at every size it passed through, whatever the chunks it was extended by.
 */
class TileStoreIT {

    private static final int EVENTS = 1_100;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private EventLogStorageEngine engine;
    private TileStore tiles;
    private final long[] sequences = new long[5];
    private int commit;

    /** A payload of the test's own: the event log treats payloads as opaque. */
    record Noted(String text, int number) {}

    @BeforeEach
    void start() throws Exception {
        Path directory = Files.createTempDirectory("tiles");
        server = EmbeddedMongoServer.start(directory);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("newsroom");
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(EventLogConfiguration.messageObjectMapper())
                .build();
        engine = EventLogStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        tiles = new TileStore(database);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        client.close();
        server.close();
    }

    @Test
    void theTiledTreeHasTheRootsAndProofsOfTheTreeInMemory() {
        append(EVENTS);
        TileStore.TreeHead head = tiles.extend(engine, event -> true, 97);
        assertThat(head.size()).isEqualTo(EVENTS);

        List<byte[]> leaves = storedLeaves();
        MerkleTree.Hashes memory = MerkleTree.inMemory(leaves);
        for (long size : new long[] {1, 2, 255, 256, 257, 511, 512, 700, 1_024, 1_025, EVENTS}) {
            assertThat(tiles.root(size)).as("root at %d", size).isEqualTo(MerkleTree.root(memory, size));
            for (long index : new long[] {0, size / 3, size - 1}) {
                assertThat(tiles.inclusionProof(index, size))
                        .as("inclusion of %d at %d", index, size)
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(memory, index, size));
            }
            assertThat(tiles.consistencyProof(Math.max(1, size / 2), size))
                    .containsExactlyElementsOf(MerkleTree.consistencyProof(memory, Math.max(1, size / 2), size));
        }
        assertThat(tiles.leafHash(EVENTS - 1)).isEqualTo(leaves.get(EVENTS - 1));
        assertThat(database.getCollection(TileStore.TILES).countDocuments())
                .as("level 0: 5 tiles, level 1: 1 partial tile")
                .isEqualTo(6);
    }

    @Test
    void extendingAgainChangesNothingAndAStaleWriterCannotShrinkATile() {
        append(300);
        TileStore.TreeHead head = tiles.extend(engine, event -> true, 1_000);
        byte[] root = tiles.root(300);
        Document partial =
                database.getCollection(TileStore.TILES).find(eq("_id", "0/1")).first();

        assertThat(tiles.extend(engine, event -> true, 1_000)).isEqualTo(head);
        List<byte[]> stale = storedLeaves().subList(256, 280);
        tiles.append(256, stale, 280);

        assertThat(database.getCollection(TileStore.TILES)
                        .find(eq("_id", "0/1"))
                        .first())
                .isEqualTo(partial);
        assertThat(tiles.head()).isEqualTo(head);
        assertThat(tiles.root(300)).isEqualTo(root);
    }

    @Test
    void theLastContentIsTheLastEventThatIsNotACheckpoint() {
        append(10);
        TileStore.TreeHead head = tiles.extend(engine, event -> event.position() % 4 != 0, 3);

        assertThat(head.size()).isEqualTo(10);
        assertThat(head.lastContent()).isEqualTo(10);
        append(2);
        assertThat(tiles.extend(engine, event -> event.position() < 11, 3).lastContent())
                .isEqualTo(10);
    }

    @Test
    void theExtensionStopsAtAHoleAndTheFirstMissingPositionIsFound() {
        append(40);
        long holeAt = engine.storedEventsFrom(20, 1).get(0).position();
        Document commit =
                database.getCollection("events").find(eq("_id", holeAt)).first();
        database.getCollection("events").deleteOne(eq("_id", holeAt));

        assertThat(tiles.extend(engine, event -> true, 7).size()).isEqualTo(holeAt - 1);
        assertThat(engine.firstMissingPosition(40)).hasValue(holeAt);
        assertThat(engine.firstMissingPosition(holeAt - 1)).isEmpty();

        database.getCollection("events").insertOne(commit);
        assertThat(tiles.extend(engine, event -> true, 7).size()).isEqualTo(40);
        assertThat(engine.firstMissingPosition(40)).isEmpty();
        assertThat(engine.firstMissingPosition(41)).hasValue(41);
    }

    @Test
    void aMissingTileIsNoticedNotGuessed() {
        append(300);
        tiles.extend(engine, event -> true, 1_000);
        database.getCollection(TileStore.TILES).deleteOne(eq("_id", "0/0"));

        assertThatThrownBy(() -> tiles.inclusionProof(3, 300)).isInstanceOf(TileStore.MissingTile.class);
    }

    /** Appends {@code count} events in commits of one to three events, over a few aggregates. */
    private void append(int count) {
        int appended = 0;
        while (appended < count) {
            int aggregate = commit % sequences.length;
            int size = Math.min(1 + commit % 3, count - appended);
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                events.add(new GenericDomainEventMessage<>(
                        "Note",
                        "note-" + aggregate,
                        sequences[aggregate]++,
                        new Noted("note \"" + commit + "\" é\t\u0001 ✓", commit),
                        MetaData.with("actor", "reporter")));
                appended++;
            }
            engine.appendEvents(events);
            commit++;
        }
    }

    private List<byte[]> storedLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        List<StoredEventView> events = engine.storedEventsFrom(1, Integer.MAX_VALUE);
        for (StoredEventView event : events) {
            assertThat(event.position()).isEqualTo(leaves.size() + 1);
            leaves.add(Leaves.hash(event));
        }
        return leaves;
    }
}
