package org.newsroom.query.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A read asked for a position its projection has not reached in time: 503, try again shortly. */
public class ProjectionBehind extends QueryProblem {

    public ProjectionBehind(String projection, long wanted, long reached) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind",
                "the " + projection + " projection has not reached position " + wanted + " yet",
                Map.of("projection", projection, "atLeast", wanted, "position", reached));
    }

    long retryAfterSeconds() {
        return 1;
    }
}
