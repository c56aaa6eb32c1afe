package org.newsroom.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.MongoFaultProxy;
import org.newsroom.testing.MongoFaultProxy.Command;
import org.newsroom.testing.MongoFaultProxy.Fault;
import org.newsroom.testing.TestMongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;

/**
 * The fault-injecting proxy makes the driver see a replica set's primary, and answers as a replica set does when a
 * write or a read goes wrong: what the event log's tests rely on.
 */
class MongoFaultProxyTest {

    private final TestMongo server = new TestMongo();
    private final MongoFaultProxy proxy = open(server);

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    @Test
    void theDriverTakesTheServerBehindTheProxyForAReplicaSetPrimaryWithSessions() {
        try (MongoClient client = connect(true)) {
            client.getDatabase("test").runCommand(new Document("ping", 1));

            ServerDescription primary =
                    client.getClusterDescription().getServerDescriptions().get(0);
            assertThat(primary.getType()).isEqualTo(ServerType.REPLICA_SET_PRIMARY);
            assertThat(primary.getSetName()).isEqualTo(MongoFaultProxy.SET_NAME);
            assertThat(primary.getLogicalSessionTimeoutMinutes()).isEqualTo(30);
        }
    }

    @Test
    void aWriteRefusedByAPrimaryThatSteppedDownIsRetriedByTheDriverAndStoredOnce() {
        try (MongoClient client = connect(true)) {
            proxy.failNext(Command.insertInto("c"), Fault.notWritablePrimary(false));

            collection(client).insertOne(new Document("_id", 1));

            assertThat(proxy.received(Command.insertInto("c"))).isEqualTo(2);
            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aWriteAppliedBeforeTheStepDownIsRetriedAndAnsweredAsAPrimaryRecordedItWithoutApplyingItTwice() {
        try (MongoClient client = connect(true)) {
            proxy.failNext(Command.insertInto("c"), Fault.notWritablePrimary(true));

            collection(client).insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));

            assertThat(proxy.received(Command.insertInto("c"))).isEqualTo(2);
            assertThat(collection(client).countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void withoutRetryableWritesTheStepDownReachesTheApplication() {
        try (MongoClient client = connect(false)) {
            proxy.failNext(Command.insertInto("c"), Fault.notWritablePrimary(true));

            Throwable failure = catchThrowable(() -> collection(client).insertOne(new Document("_id", 1)));

            assertThat(failure).isInstanceOf(com.mongodb.MongoNotPrimaryException.class);
            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aWriteConcernErrorReachesTheDriverAfterTheWriteWasApplied() {
        try (MongoClient client = connect(true)) {
            proxy.failNext(Command.insertInto("c"), Fault.writeConcernTimeout());
            proxy.failNext(Command.insertInto("c"), Fault.writeConcernTimeout());

            Throwable one = catchThrowable(() -> collection(client).insertOne(new Document("_id", 1)));
            Throwable many = catchThrowable(
                    () -> collection(client).insertMany(List.of(new Document("_id", 2), new Document("_id", 3))));

            assertThat(one).isInstanceOf(MongoWriteConcernException.class);
            assertThat(((MongoWriteConcernException) one).getWriteConcernError().getCode())
                    .isEqualTo(64);
            assertThat(many).isInstanceOf(MongoBulkWriteException.class);
            assertThat(((MongoBulkWriteException) many).getWriteErrors()).isEmpty();
            assertThat(((MongoBulkWriteException) many).getWriteConcernError().getCodeName())
                    .isEqualTo("WriteConcernFailed");
            assertThat(collection(client).countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aConnectionDroppedAfterTheWriteIsRetriedOnANewConnectionAndStoredOnce() {
        try (MongoClient client = connect(true)) {
            proxy.failNext(Command.insertInto("c"), Fault.dropConnectionAfterApplying());

            collection(client).insertOne(new Document("_id", 1));

            assertThat(proxy.received(Command.insertInto("c"))).isEqualTo(2);
            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void withoutRetryableWritesAConnectionDroppedAfterTheWriteFailsTheWriteThatWasApplied() {
        try (MongoClient client = connect(false)) {
            proxy.failNext(Command.insertInto("c"), Fault.dropConnectionAfterApplying());

            Throwable failure = catchThrowable(() -> collection(client).insertOne(new Document("_id", 1)));

            assertThat(failure).isInstanceOf(MongoSocketException.class);
            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void majorityReadsDoNotSeeRecentWritesWhileTheyLagAndLocalReadsDo() {
        try (MongoClient client = connect(true)) {
            collection(client).insertOne(new Document("_id", 1));
            proxy.lagMajorityReads("c", Duration.ofSeconds(2));
            collection(client).insertOne(new Document("_id", 2));

            MongoCollection<Document> majority = collection(client).withReadConcern(ReadConcern.MAJORITY);
            assertThat(ids(majority)).isEmpty();
            assertThat(ids(collection(client).withReadConcern(ReadConcern.LOCAL)))
                    .containsExactly(1, 2);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(ids(majority)).containsExactly(1, 2));
        }
    }

    private static List<Integer> ids(MongoCollection<Document> collection) {
        return collection.find().map(document -> document.getInteger("_id")).into(new java.util.ArrayList<>());
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("test").getCollection("c");
    }

    private MongoClient connect(boolean retryWrites) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(proxy.connectionString()))
                .retryWrites(retryWrites)
                .writeConcern(WriteConcern.MAJORITY)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private static MongoFaultProxy open(TestMongo server) {
        try {
            return new MongoFaultProxy(server.connectionString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
