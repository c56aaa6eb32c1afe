package org.newsroom.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * After a refusal that says {@code Connection: close} (the {@link ProblemWriter}'s, when a filter refused a request
 * before reading its body), the connection is closed instead of drained. Tomcat
 * otherwise reads the rest of the body (up to {@code server.tomcat.max-swallow-size}) before the next request, and a
 * client trickling a large body would hold a request thread while it does: an anonymous client, refused 401 before
 * anything read its body, could keep the thread for as long as it kept sending. Tomcat does the same itself for 413.
 */
class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() >= 400
                && !request.isAsync()
                && "close".equalsIgnoreCase(response.getHeader("Connection"))) {
            AtomicBoolean fullyRead = new AtomicBoolean(true);
            request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
            if (!fullyRead.get()) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
