package org.newsroom.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, against a shared MongoDB: scale writes independently of reads. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        // the AxonIQ update checker phones home unless this JVM property is set before Axon starts
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
