package org.newsroom.standalone;

import org.newsroom.standalone.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Both sides of Newsroom in one JVM: the command API, the projections and their query API; and the jar's commands. */
@SpringBootApplication(scanBasePackages = {"org.newsroom.command", "org.newsroom.query"})
@Import({UiConfiguration.class, ReadyMessage.class})
public class NewsroomApplication {

    /** Runs the application, or the jar's command named by {@code args[0]} ({@link Commands}). */
    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
        }
        // the AxonIQ update checker phones home unless this JVM property is set before Axon starts
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(NewsroomApplication.class, args);
    }
}
