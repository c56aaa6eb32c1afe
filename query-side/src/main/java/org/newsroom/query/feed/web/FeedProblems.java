package org.newsroom.query.feed.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems of the feed routes, ahead of any application-wide advice. */
@RestControllerAdvice(basePackages = "org.newsroom.query.feed")
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedProblems extends ProblemAdvice {
}
