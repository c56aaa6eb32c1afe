package org.newsroom.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.Publication;
import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the query test application (both sides, as standalone runs them) on a MongoDB that other instances
 * share, started by hand: several of them on one embedded server play a deployment of several instances. The
 * connection counts as the embedded default, so the demo users sign in as in the other tests.
 */
public final class QueryInstance implements AutoCloseable {

    private final MongoConnection connection;
    private final ConfigurableApplicationContext context;
    private final Http http;

    public QueryInstance(String connectionString, String database, String... properties) {
        this.connection = MongoConfiguration.embedded(
                connectionString, database, () -> {}, Duration.ofSeconds(3), Duration.ofSeconds(10));
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=health,prometheus,projections"));
        all.addAll(List.of(properties));
        this.context = new SpringApplicationBuilder(QueryTestApplication.class)
                .properties(all.toArray(String[]::new))
                .initializers(context -> context.getBeanFactory().registerSingleton("mongoConnection", connection))
                .run();
        this.http = new Http(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    public Http http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Sends a command as {@code actor} and answers the global position the log has reached since. */
    public long send(String actor, Object command) {
        return outcome(actor, command).position();
    }

    /** Drafts, signs and publishes an article (three events); answers its slug and the position reached. */
    public Published publish(String id) {
        ArticleId article = new ArticleId(id);
        send("reporter", SampleStory.draft(article));
        send("editor", SampleStory.byline(article));
        CommandOutcome outcome = outcome("editor", SampleStory.publishWithoutReview(article));
        return new Published(id, ((Publication) outcome.result()).slug(), outcome.position());
    }

    /** An article as {@link #publish} left it. */
    public record Published(String id, String slug, long position) {}

    private CommandOutcome outcome(String actor, Object command) {
        return context.getBean(CommandGateway.class)
                .sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("actor", actor)));
    }

    /**
     * Cuts the instance off the database, as a crash or a partition would look to the others: it can no longer
     * heartbeat, extend its claims or give them up. Close it afterwards.
     */
    public void cutOff() {
        connection.client().close();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            connection.client().close();
        }
    }
}
