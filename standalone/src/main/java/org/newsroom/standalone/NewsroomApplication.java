package org.newsroom.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Both sides of Newsroom in one JVM: the command API, the projections and their query API. */
@SpringBootApplication(scanBasePackages = {"org.newsroom.command", "org.newsroom.query"})
@Import({UiConfiguration.class, ReadyMessage.class})
public class NewsroomApplication {

    public static void main(String[] args) {
        // the AxonIQ update checker phones home unless this JVM property is set before Axon starts
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(NewsroomApplication.class, args);
    }
}
