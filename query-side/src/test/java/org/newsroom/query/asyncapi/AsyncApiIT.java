package org.newsroom.query.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newsroom.query.QuerySideIT;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/** The AsyncAPI document is served to anyone, as it is on the classpath. */
class AsyncApiIT extends QuerySideIT {

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsTheAsyncApiDocumentAsYaml() throws IOException {
        ApiResponse response = ApiClient.on(port).get("/asyncapi.yaml");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/yaml");
        assertThat(response.body()).startsWith("#").contains("asyncapi: 3.0.0").isEqualTo(classpathDocument());
    }

    @Test
    void aSignedInPartnerReadsItToo() {
        ApiResponse response = ApiClient.on(port).as("partner").get("/asyncapi.yaml");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.body()).contains("news.syndication.published.v1");
    }

    private static String classpathDocument() throws IOException {
        try (InputStream in = new ClassPathResource(AsyncApiController.DOCUMENT).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
