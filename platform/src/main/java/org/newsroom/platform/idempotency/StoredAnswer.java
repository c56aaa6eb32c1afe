package org.newsroom.platform.idempotency;

import java.util.List;

/** The first answer given to an idempotent request: status, headers and body, replayed as they were. */
record StoredAnswer(int status, List<Header> headers, byte[] body) {

    record Header(String name, String value) {}

    StoredAnswer {
        headers = List.copyOf(headers);
    }
}
