package org.newsroom.query.webhooks;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.newsroom.query.Articles;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the feed application on a MongoDB shared with other instances (a server the test started), as a
 * deployment runs several: configured users instead of the demo ones, and the secret key every instance shares.
 */
final class Instance implements AutoCloseable {

    /** The base64 of 32 bytes, as {@code openssl rand -base64 32} makes them. */
    static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private final ConfigurableApplicationContext context;

    Instance(String mongoUri, String... properties) {
        this(mongoUri, List.of(), properties);
    }

    Instance(
            String mongoUri,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers,
            String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "newsroom.mongodb.uri=" + mongoUri,
                "server.port=0",
                "spring.main.banner-mode=off",
                "newsroom.users[0].name=integrator",
                "newsroom.users[0].password={noop}newsroom",
                "newsroom.users[0].roles=integrator",
                "newsroom.webhooks.secret-key=" + KEY,
                "newsroom.webhooks.allow-private-targets=true"));
        all.addAll(List.of(properties));
        SpringApplicationBuilder builder =
                new SpringApplicationBuilder(FeedTestApplication.class).properties(all.toArray(String[]::new));
        initializers.forEach(builder::initializers);
        this.context = builder.run();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Articles articles() {
        return new Articles(bean(CommandGateway.class));
    }

    Integrator integrator() {
        return new Integrator(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    WebhookDispatcher dispatcher() {
        return bean(WebhookDispatcher.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
