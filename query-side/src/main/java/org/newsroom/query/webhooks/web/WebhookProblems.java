package org.newsroom.query.webhooks.web;

import org.newsroom.query.feed.web.ProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems of the webhook routes, ahead of any application-wide advice. */
@RestControllerAdvice(basePackages = "org.newsroom.query.webhooks")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookProblems extends ProblemAdvice {
}
