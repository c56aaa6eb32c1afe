package org.newsroom.query.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.Byline;
import org.newsroom.query.Ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NinjsDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theByLineNamesEveryoneWithTheirAgency() {
        assertThat(NinjsDocuments.byLine(List.of(new Byline("Angus MacKinnon", "author", "AFP"))))
                .isEqualTo("By Angus MacKinnon (AFP)");
        assertThat(NinjsDocuments.byLine(List.of(new Byline("A", null, null), new Byline("B", null, "Reuters"))))
                .isEqualTo("By A and B (Reuters)");
        assertThat(NinjsDocuments.byLine(
                        List.of(new Byline("A", null, null), new Byline("B", null, null), new Byline("C", null, " "))))
                .isEqualTo("By A, B and C");
    }

    /** The validator accepts IPTC's own examples, so a rejection of ours means something. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "003_associations_example.json",
                "004_simple_text_article.json",
                "005_complex_text_article.json",
                "006_photo_only.json"
            })
    void iptcExamplesAreValid(String example) throws IOException {
        assertThat(Ninjs.problems(example(example))).isEmpty();
    }

    /** … and it can say no: unknown properties and values outside the vocabularies are refused. */
    @Test
    void documentsBreakingTheSchemaAreRefused() throws IOException {
        ObjectNode unknownProperty = (ObjectNode) example("004_simple_text_article.json");
        unknownProperty.put("standfirst", "not a ninjs property");
        assertThat(Ninjs.problems(unknownProperty)).isNotEmpty();
        ObjectNode badStatus = (ObjectNode) example("004_simple_text_article.json");
        badStatus.put("pubStatus", "published");
        assertThat(Ninjs.problems(badStatus)).isNotEmpty();
        ObjectNode badDate = (ObjectNode) example("004_simple_text_article.json");
        badDate.put("versionCreated", "yesterday");
        assertThat(Ninjs.problems(badDate)).isNotEmpty();
        assertThat(Ninjs.problems(JSON.createObjectNode().put("type", "text"))).isNotEmpty();
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = NinjsDocumentsTest.class.getResourceAsStream("/ninjs/examples/" + name)) {
            return JSON.readTree(in);
        }
    }
}
