package org.newsroom.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Tomcat's own error answers (a request line or URL it cannot parse, headers over
 * {@code server.max-http-request-header-size}, an error no servlet answered) as problems, in place of its HTML
 * page: {@code application/problem+json} with the status and a stable {@code code}, and nothing about the server.
 */
public class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was started elsewhere: nothing more to say
        }
    }

    static String json(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String code = Problems.defaultCode(status);
        String detail = switch (status) {
            case 400 -> "The request line, a header or the URL is malformed";
            case 414 -> "The URL is too long";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "An unexpected error occurred" : title;
        };
        return "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + escape(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + code + "\"}";
    }

    private static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
