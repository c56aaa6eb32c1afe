package org.newsroom.query.feed.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.platform.security.Role;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.feed.FeedFilter;
import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.feed.FeedSettings;
import org.newsroom.query.feed.FeedStreams;
import org.newsroom.query.feed.FeedWaits;
import org.newsroom.query.feed.LiveFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The feed for integrators: {@code GET /feed/events} pages of CloudEvents in position order, long-polling with
 * {@code wait=}; {@code GET /feed/stream} the same events live, as Server-Sent Events whose {@code id} is the position
 * (for the web UI's roles, each event's summary only: see {@link org.newsroom.query.feed.FeedEvent#summary()}).
 */
@RestController
class FeedController {

    private final LiveFeed feed;
    private final FeedStreams streams;
    private final FeedWaits waits;
    private final FeedSettings settings;

    FeedController(LiveFeed feed, FeedStreams streams, FeedWaits waits, FeedSettings settings) {
        this.feed = feed;
        this.streams = streams;
        this.waits = waits;
        this.settings = settings;
    }

    @GetMapping(path = "/feed/events", produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<FeedPage> events(
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "0") long wait) {
        requirePosition(after, "after");
        int pageSize = limit == null ? settings.defaultLimit() : limit;
        if (pageSize < 1) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be at least 1");
        }
        pageSize = Math.min(pageSize, settings.maxLimit());
        if (wait < 0) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-wait", "wait must be a number of seconds >= 0");
        }
        FeedFilter filter = new FeedFilter(knownTypes(types), blankToNull(subject));
        FeedPage page = feed.page(after, pageSize, settings.scanLimit(), filter);
        Duration waitFor = Duration.ofSeconds(wait).compareTo(settings.maxWait()) > 0
                ? settings.maxWait()
                : Duration.ofSeconds(wait);
        if (!page.events().isEmpty() || waitFor.isZero()) {
            DeferredResult<FeedPage> answered = new DeferredResult<>();
            answered.setResult(page);
            return answered;
        }
        DeferredResult<FeedPage> parked = new DeferredResult<>(waitFor.toMillis());
        waits.await(page.next(), pageSize, settings.scanLimit(), filter, waitFor, parked);
        return parked;
    }

    @GetMapping(path = "/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after,
            Authentication user,
            HttpServletResponse response)
            throws IOException {
        long from;
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = parsePosition(lastEventId.trim());
        } else if (after != null) {
            from = requirePosition(after, "after");
        } else {
            from = feed.head();
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return streams.subscribe(from, isIntegrator(user));
    }

    /** Integrators read every payload in the feed; the web UI's roles get what they may read: summaries. */
    private static boolean isIntegrator(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(authority -> Role.INTEGRATOR.authority().equals(authority.getAuthority()));
    }

    private static long parsePosition(String lastEventId) {
        try {
            return requirePosition(Long.parseLong(lastEventId), "Last-Event-ID");
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-position",
                    "Last-Event-ID must be a position of the feed, a number >= 0");
        }
    }

    private static long requirePosition(long position, String name) {
        if (position < 0) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-position",
                    name + " must be a position of the feed, a number >= 0");
        }
        return position;
    }

    private static Set<String> knownTypes(List<String> types) {
        Set<String> result = new LinkedHashSet<>();
        if (types == null) {
            return result;
        }
        for (String type : types) {
            if (!ArticleCloudEvents.knownTypes().contains(type)) {
                throw new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "unknown-event-type",
                        "unknown event type '" + type + "'; known types: "
                                + ArticleCloudEvents.knownTypes().stream()
                                        .sorted()
                                        .toList());
            }
            result.add(type);
        }
        return result;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
