package org.newsroom.query.web;

import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A read asked for a position its projection has not reached in time: 503, try again shortly. */
public class ProjectionBehind extends ProblemException {

    public ProjectionBehind(String projection, long wanted, long reached) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "projection-behind",
                "the " + projection + " projection has not reached position " + wanted + " yet");
        with("projection", projection).with("atLeast", wanted).with("position", reached);
        withHeader(HttpHeaders.RETRY_AFTER, "1");
    }
}
