package org.newsroom.query.web;

import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Too many {@code ?atLeast=} reads wait already, from this client or on this instance: 503, try again shortly. */
public class TooManyWaits extends ProblemException {

    TooManyWaits(WaitLimits limits) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "too-many-waits",
                "too many reads wait for a position already (at most " + limits.perClient() + " per client and "
                        + limits.total() + " in all); read without atLeast or try again shortly");
        with("maxWaitsPerClient", limits.perClient()).with("maxWaits", limits.total());
        withHeader(HttpHeaders.RETRY_AFTER, "1");
    }
}
