package org.newsroom.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/** The query side runs alone: projections and queries, no aggregate and so no command is accepted. */
class QuerySideApplicationIT {

    @Test
    void theQuerySideRunsAloneWithItsProjectionsAndWithoutTheAggregate() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .initializers(QuerySideApplicationIT::leaveOutTestApplications)
                .properties(
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "newsroom.security.bcrypt-strength=4",
                        "newsroom.data-dir=" + NewsroomIT.temporaryDirectory("query-side-alone"))
                .run()) {
            assertThat(context.getBeansWithAnnotation(Aggregate.class)).isEmpty();
            assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessor("site"))
                    .isPresent();

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> site = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/site/articles"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(site.statusCode()).isEqualTo(200);
            assertThat(site.body()).contains("\"items\"");
        }
    }

    /** This module's test applications live in the same package; in production they do not exist. */
    private static void leaveOutTestApplications(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("leaveOutTestApplications", new TypeExcludeFilter() {
            @Override
            public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
                return reader.getClassMetadata().getClassName().endsWith("TestApplication");
            }
        });
    }
}
