package org.newsroom.query.web;

import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code ?atLeast=} asked for a position the log has not reached: no write answered with it, waiting cannot help. */
public class PositionBeyondHead extends ProblemException {

    PositionBeyondHead(long wanted, long head) {
        super(
                HttpStatus.BAD_REQUEST,
                "position-beyond-head",
                "atLeast " + wanted + " is beyond the head of the log (" + head
                        + "): use the Newsroom-Position a write answered with");
        with("atLeast", wanted).with("head", head);
    }
}
