package org.newsroom.command;

import java.nio.file.Path;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoDatabase;

/** The command side started without a web server on the embedded default, with its data in a given directory. */
final class CommandSideContext implements AutoCloseable {

    final ConfigurableApplicationContext context;

    CommandSideContext(Path dataDir, String... properties) {
        this(dataDir, context -> {}, properties);
    }

    CommandSideContext(
            Path dataDir,
            ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
            String... properties) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        this.context = new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(initializer)
                .web(WebApplicationType.NONE)
                .properties("newsroom.data-dir=" + dataDir, "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    EventLogStorageEngine eventLog() {
        return context.getBean(EventLogStorageEngine.class);
    }

    MongoDatabase database() {
        return context.getBean(MongoDatabase.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
