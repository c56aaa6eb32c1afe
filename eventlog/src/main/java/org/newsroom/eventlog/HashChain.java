package org.newsroom.eventlog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The per-aggregate hash chain that lets an auditor prove no stored event was altered, removed or reordered.
 * <p>
 * {@code hash = hex(SHA-256(previousHash + "\n" + position + "\n" + canonicalJson))}, where the first event of an
 * aggregate has the empty string as its previous hash and {@code canonicalJson} is the stored event (aggregate id and
 * type, sequence number, event id, payload type and revision, timestamp, payload and metadata, without position and
 * hash) as JSON with object keys sorted and no whitespace. The same function computes the hash when an event is
 * appended and when it is verified, from the stored document in both cases.
 */
public final class HashChain {

    public static final String GENESIS = "";
    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private HashChain() {}

    public static String hash(String previousHash, long position, byte[] canonicalEvent) {
        MessageDigest sha256 = sha256();
        sha256.update((previousHash + "\n" + position + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(canonicalEvent);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The canonical bytes of a stored event, given its commit's aggregate fields and the event's own document. */
    public static byte[] canonical(String aggregateType, String aggregateId, Document event) {
        Document subject = new Document();
        subject.put("aggregateId", aggregateId);
        subject.put("aggregateType", aggregateType);
        event.forEach((key, value) -> {
            if (!key.equals(EventFields.POSITION) && !key.equals(EventFields.HASH)) {
                subject.put(key, value);
            }
        });
        return canonicalJson(BsonJson.toJson(subject)).getBytes(StandardCharsets.UTF_8);
    }

    static String canonicalJson(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
