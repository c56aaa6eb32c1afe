package org.newsroom.query.asyncapi;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /asyncapi.yaml}: the AsyncAPI 3.0 document of the integration feed, its stream, webhooks and Kafka topic,
 * and of the syndication feed and its webhooks, as the classpath holds it.
 */
@RestController
@Tag(name = "AsyncAPI", description = "The description of the events Newsroom sends")
class AsyncApiController {

    /** The document's path on the classpath. */
    static final String DOCUMENT = "asyncapi/newsroom.asyncapi.yaml";

    static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final Resource document = new ClassPathResource(DOCUMENT);

    @GetMapping(path = "/asyncapi.yaml", produces = "application/yaml")
    @Operation(summary = "The AsyncAPI 3.0 document of every asynchronous interface (feeds, stream, webhooks, Kafka)")
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(APPLICATION_YAML).body(document);
    }
}
