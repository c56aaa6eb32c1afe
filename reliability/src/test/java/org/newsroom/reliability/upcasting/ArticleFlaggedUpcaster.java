package org.newsroom.reliability.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link ArticleFlagged} revision 1 → 2, on the stored JSON tree: {@code flag} → {@code reason}, and so on. */
final class ArticleFlaggedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ArticleFlagged.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ArticleFlagged.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ArticleFlaggedUpcaster::toRevision2);
    }

    private static JsonNode toRevision2(JsonNode revision1) {
        String flag = revision1.path("flag").asText();
        ObjectNode flagger = JsonNodeFactory.instance
                .objectNode()
                .put("name", revision1.path("flaggedBy").asText());
        flagger.putNull("desk");
        ObjectNode revision2 = JsonNodeFactory.instance.objectNode();
        revision2.set("articleId", revision1.path("articleId"));
        revision2.put("reason", flag);
        revision2.set("flaggedBy", flagger);
        revision2.put("severity", flag.startsWith("legal") ? "HIGH" : "NORMAL");
        return revision2;
    }
}
