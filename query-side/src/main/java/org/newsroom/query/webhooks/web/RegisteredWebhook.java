package org.newsroom.query.webhooks.web;

import java.time.Instant;
import java.util.List;

import org.newsroom.query.webhooks.Subscription;
import org.newsroom.query.webhooks.Webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a registration: the only time the secret is shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RegisteredWebhook(
        String id, String secret, String url, List<String> types, String state, long position, Instant createdAt) {

    static RegisteredWebhook of(Webhooks.Registered registered) {
        Subscription subscription = registered.subscription();
        return new RegisteredWebhook(
                subscription.id(),
                registered.secret(),
                subscription.url().toString(),
                subscription.types(),
                "active",
                subscription.position(),
                subscription.createdAt());
    }
}
