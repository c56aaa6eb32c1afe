package org.newsroom.benchmarks;

import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.HashChain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JMH micro-benchmarks of the CPU work per event that surrounds each storage round trip: what the engine does to an
 * event before it is inserted (Jackson to BSON, canonical JSON, SHA-256 of the hash chain), what a reader does after
 * (BSON to Jackson to the event record), and the driver's own BSON encoding and decoding of the stored document. They
 * show how much of an append or a read is ours and how much is the store's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmarks {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build();
    private final DocumentCodec codec = new DocumentCodec();
    private ArticleDrafted event;
    private Document stored;
    private byte[] encoded;

    @Setup
    public void setUp() {
        event = Stories.drafted("micro-1");
        stored = appendEvent();
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        codec.encode(
                new BsonBinaryWriter(buffer), stored, EncoderContext.builder().build());
        encoded = buffer.toByteArray();
    }

    /** An event as the engine prepares it for the log: payload to BSON, canonical form, chained hash. */
    @Benchmark
    public Document appendEvent() {
        JsonNode payload = serializer.serialize(event, JsonNode.class).getData();
        Document document = new Document("seq", 7L)
                .append("eventId", "5f0c6c52-4d1c-4a55-9f2b-6f3c0b1f9d11")
                .append("payloadType", ArticleDrafted.class.getName())
                .append("revision", "1")
                .append("timestamp", new Date(1_700_000_000_000L))
                .append("payload", BsonJson.toBson(payload))
                .append("metaData", new Document("actor", "reporter").append("correlationId", "c-1"));
        byte[] canonical = HashChain.canonical("Article", "micro-1", document);
        document.append("position", 42L).append("hash", HashChain.hash("previous", 42L, canonical));
        return document;
    }

    /** A stored event as a tracking reader hands it to a handler: BSON to a Jackson tree to the event record. */
    @Benchmark
    public Object readEvent() {
        JsonNode payload = BsonJson.toJsonValue(stored.get("payload"));
        return serializer.deserialize(
                new SimpleSerializedObject<>(payload, JsonNode.class, ArticleDrafted.class.getName(), "1"));
    }

    /** The driver's BSON encoding of the stored event document (what every insert pays on the client). */
    @Benchmark
    public byte[] bsonEncode() {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        codec.encode(
                new BsonBinaryWriter(buffer), stored, EncoderContext.builder().build());
        return buffer.toByteArray();
    }

    /** The driver's BSON decoding of the same document (what every read pays on the client). */
    @Benchmark
    public Document bsonDecode() {
        return codec.decode(
                new BsonBinaryReader(java.nio.ByteBuffer.wrap(encoded)),
                DecoderContext.builder().build());
    }
}
