package org.newsroom.query.projection;

import org.bson.Document;
import org.newsroom.eventlog.BsonJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Read-model records as MongoDB documents and back, through Jackson: {@code _id} and
 * {@value ProjectionBatch#LAST_POSITION} first, then the record's components in declaration order, so the same
 * record always gives the same bytes. Instants are ISO-8601 strings.
 */
public final class Documents {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Documents() {}

    public static Document toDocument(String id, long lastPosition, Object record) {
        Document document = new Document(ProjectionBatch.ID, id).append(ProjectionBatch.LAST_POSITION, lastPosition);
        document.putAll(BsonJson.toDocument(MAPPER.valueToTree(record)));
        return document;
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        ObjectNode json = BsonJson.toJson(document);
        json.remove(ProjectionBatch.ID);
        json.remove(ProjectionBatch.LAST_POSITION);
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored " + type.getSimpleName() + " " + document.get(ProjectionBatch.ID) + " cannot be read: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    public static long lastPosition(Document document) {
        return document.get(ProjectionBatch.LAST_POSITION, Number.class).longValue();
    }
}
