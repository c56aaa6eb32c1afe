package org.newsroom.query;

import java.nio.file.Path;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The feed's test application started by hand on a given data directory, to be closed and started again. */
public final class FeedContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    public FeedContext(Path dataDir, String... properties) {
        this.context = new SpringApplicationBuilder(FeedTestApplication.class)
                .properties("newsroom.data-dir=" + dataDir, "server.port=0", "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean has(Class<?> type) {
        return context.getBeanNamesForType(type).length > 0;
    }

    public Articles articles() {
        return new Articles(bean(CommandGateway.class));
    }

    public Integrator integrator() {
        return new Integrator(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }
}
