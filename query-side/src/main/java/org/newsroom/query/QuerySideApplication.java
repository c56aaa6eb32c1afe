package org.newsroom.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side alone, against a shared MongoDB: projections, their query API and the integration feed, scaled
 * independently of the command side. The Article aggregate is on the classpath (for the log engine's module) but not
 * scanned, so this application accepts no commands.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // the AxonIQ update checker phones home unless this JVM property is set before Axon starts
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
