package org.newsroom.query;

import java.nio.file.Path;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared context of the query side's end-to-end tests: both sides in one application on a random port, the
 * embedded MongoDB on its durable H2 file in a fresh directory. Subclasses add nothing to the configuration, so
 * Spring starts it once for all of them. Articles are told apart by id (and slugs by the id's first 8 characters).
 */
@SpringBootTest(
        classes = QueryTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // the product's default: a loaded CI machine made an audit read after a kill wait longer than 1 s (503)
            "newsroom.query.wait-timeout=5s",
            "spring.main.banner-mode=off",
            "management.endpoints.web.exposure.include=health,prometheus,projections"
        })
@AutoConfigureObservability(tracing = false)
public abstract class QuerySideIT extends NewsroomIT {

    private static final Path DATA_DIR = temporaryDirectory("newsroom-query-it");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("newsroom.data-dir", DATA_DIR::toString);
    }
}
