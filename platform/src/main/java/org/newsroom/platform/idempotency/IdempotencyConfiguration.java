package org.newsroom.platform.idempotency;

import java.time.Clock;

import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.platform.security.SecurityConfiguration;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.WebPlatformConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * The {@code Idempotency-Key} filter, right after Spring Security (it keys records by the authenticated user).
 * {@code newsroom.idempotency.ttl} (24h), {@code .lease} (2m: how long a claim of a request in flight holds),
 * {@code .wait} (10s: how long a concurrent duplicate waits for the first answer).
 */
@AutoConfiguration(after = {MongoConfiguration.class, WebPlatformConfiguration.class, SecurityConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoDatabase.class)
public class IdempotencyConfiguration {

    public static final int FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    IdempotencyStore idempotencyStore(
            MongoDatabase database,
            ObjectProvider<Clock> clock,
            ObjectProvider<MongoConnection> connection,
            @Value("${newsroom.idempotency.ttl:24h}") String ttl,
            @Value("${newsroom.idempotency.lease:2m}") String lease) {
        MongoConnection mongo = connection.getIfAvailable();
        return new IdempotencyStore(
                database,
                clock.getIfAvailable(Clock::systemUTC),
                DurationStyle.detectAndParse(ttl),
                DurationStyle.detectAndParse(lease),
                mongo == null || !mongo.isEmbedded());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store,
            ProblemWriter problems,
            ObjectProvider<RecordedAnswers> recorded,
            @Value("${newsroom.idempotency.wait:10s}") String wait) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, problems, DurationStyle.detectAndParse(wait), recorded.getIfAvailable()));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
