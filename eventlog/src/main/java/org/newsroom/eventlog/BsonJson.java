package org.newsroom.eventlog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts between Jackson trees and BSON documents, so that events are stored as queryable documents while Jackson
 * stays the only serializer. JSON has no dates: Jackson writes them as ISO strings, and they stay strings in BSON.
 */
public final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonJson() {}

    public static Document toDocument(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("only a JSON object becomes a document, not " + object.getNodeType());
        }
        Document document = new Document();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            document.append(field.getKey(), toBson(field.getValue()));
        }
        return document;
    }

    /** A JSON value as the BSON value the driver stores: a Document, a List, a String, a number, a boolean or null. */
    public static Object toBson(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> toDocument(node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toBson(element)));
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER ->
                switch (node.numberType()) {
                    case INT -> node.intValue();
                    case LONG -> node.longValue();
                    case BIG_DECIMAL -> new Decimal128(node.decimalValue());
                    case BIG_INTEGER -> new Decimal128(new BigDecimal(node.bigIntegerValue()));
                    default -> node.doubleValue();
                };
            case NULL, MISSING -> null;
            case BINARY, POJO ->
                throw new IllegalArgumentException("cannot store " + node.getNodeType() + " in an event");
        };
    }

    public static ObjectNode toJson(Document document) {
        ObjectNode object = NODES.objectNode();
        document.forEach((key, value) -> object.set(key, toJsonValue(value)));
        return object;
    }

    /** A stored BSON value as a JSON value. */
    public static JsonNode toJsonValue(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Document document) {
            return toJson(document);
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(toJsonValue(element)));
            return array;
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof Double number) {
            return NODES.numberNode(number);
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof Decimal128 decimal) {
            return NODES.numberNode(decimal.bigDecimalValue());
        } else if (value instanceof Date date) {
            return NODES.textNode(date.toInstant().toString());
        } else if (value instanceof ObjectId id) {
            return NODES.textNode(id.toHexString());
        }
        throw new IllegalArgumentException(
                "unexpected BSON value of type " + value.getClass().getName());
    }
}
