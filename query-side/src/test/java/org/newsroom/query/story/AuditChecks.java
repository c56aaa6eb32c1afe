package org.newsroom.query.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.article.ArticleId;
import org.newsroom.query.Http;

import com.fasterxml.jackson.databind.JsonNode;

/** What the audit trail must say about the sample story after it was corrected and clarified. */
final class AuditChecks {

    private AuditChecks() {}

    static void theWholeStoryIsOnRecord(Http http, ArticleId id, long position) {
        JsonNode history = http.get("/audit/articles/" + id + "/history?atLeast=" + position, "auditor")
                .json();
        JsonNode entries = history.path("entries");
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types)
                .containsExactly(
                        "ArticleDrafted",
                        "PhotoAttached",
                        "PhotoAttached",
                        "BylineAssigned",
                        "ArticlePublished",
                        "ArticleRevised",
                        "ArticlePublished",
                        "ArticleRevised",
                        "ArticlePublished");
        long previousPosition = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            assertThat(entry.path("version").asLong()).isEqualTo(i + 1);
            assertThat(entry.path("position").asLong()).isGreaterThan(previousPosition);
            assertThat(entry.path("correlationId").asText()).isNotBlank();
            assertThat(entry.path("timestamp").asText()).isNotBlank();
            previousPosition = entry.path("position").asLong();
        }
        assertThat(entries.get(0).path("actor").asText()).isEqualTo("reporter");
        assertThat(entries.get(4).path("actor").asText()).isEqualTo("editor");
        assertThat(change(entries.get(0), "headline").path("to").asText())
                .isEqualTo("Italy security chiefs meet Libyan military strongman Haftar");
        assertThat(change(entries.get(2), "photos.life-boat.credit").path("to").asText())
                .isEqualTo("Aris Messinis/AFP");
        assertThat(change(entries.get(3), "bylines").path("to").get(0).asText())
                .isEqualTo("Angus MacKinnon (author, AFP)");
        JsonNode bodyChange = change(entries.get(5), "body");
        assertThat(bodyChange.path("from").asText()).contains("adminstration");
        assertThat(bodyChange.path("to").asText()).contains("administration");
        List<String> diff = new ArrayList<>();
        bodyChange.path("diff").forEach(line -> diff.add(line.asText()));
        assertThat(diff)
                .anyMatch(line -> line.startsWith("-") && line.contains("Tobruk-based adminstration"))
                .anyMatch(line -> line.startsWith("+") && line.contains("Tobruk-based administration"))
                .noneMatch(line -> line.startsWith("-") && line.contains("Libyan military strongman Khalifa"));
        assertThat(change(entries.get(6), "live.note").path("to").asText()).contains("misspelt");

        JsonNode draft =
                http.get("/audit/articles/" + id + "/versions/1", "auditor").json();
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("photos")).isEmpty();
        assertThat(draft.path("live").isNull()).isTrue();
        JsonNode firstLive =
                http.get("/audit/articles/" + id + "/versions/5", "auditor").json();
        assertThat(firstLive.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(firstLive.at("/live/publicationNumber").asInt()).isEqualTo(1);
        JsonNode editedWhileLive =
                http.get("/audit/articles/" + id + "/versions/6", "auditor").json();
        assertThat(editedWhileLive.path("body").asText()).contains("administration");
        assertThat(editedWhileLive.at("/live/content/body").asText()).contains("adminstration");
        assertThat(editedWhileLive.at("/live/publicationNumber").asInt()).isEqualTo(1);

        String publishedAt = entries.get(4).path("timestamp").asText();
        JsonNode atInstant = http.get("/audit/articles/" + id + "/versions?at=" + publishedAt, "auditor")
                .json();
        assertThat(atInstant.path("version").asLong()).isGreaterThanOrEqualTo(5).isLessThan(6);
        assertThat(http.get("/audit/articles/" + id + "/versions?at=2001-01-01T00:00:00Z", "auditor")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/audit/articles/" + id + "/versions/99", "auditor").status())
                .isEqualTo(404);

        JsonNode diff57 = http.get("/audit/articles/" + id + "/diff?from=5&to=7", "auditor")
                .json();
        List<String> fields = new ArrayList<>();
        diff57.path("changes").forEach(change -> fields.add(change.path("field").asText()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "body", "publicationNumber", "live.publicationNumber", "live.changeKind", "live.note");

        JsonNode integrity =
                http.get("/audit/articles/" + id + "/integrity", "auditor").json();
        assertThat(integrity.path("valid").asBoolean()).isTrue();
        assertThat(integrity.path("events").asInt()).isEqualTo(9);
        assertThat(integrity.path("head").asText()).matches("[0-9a-f]{64}");
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode change : entry.path("changes")) {
            if (change.path("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + entry);
    }
}
