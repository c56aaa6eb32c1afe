package org.newsroom.query.webhooks.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.webhooks.DeliveryAttempt;
import org.newsroom.query.webhooks.Subscription;
import org.newsroom.query.webhooks.TargetPolicy;
import org.newsroom.query.webhooks.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;

/** Integrators' webhooks: {@code /api/webhooks}. */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The answer to a registration: the only time the secret is shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Registered(
            String id, String secret, String url, List<String> types, String state, long position, Instant createdAt) {}

    record Page<T>(List<T> items) {}

    /**
     * A page of attempts, with the webhook's state beside them: a webhook that was disabled says so, and why, where
     * its failures are read.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempts(
            List<DeliveryAttempt> items,
            @Nullable Long next,
            String state,
            @Nullable String disabledReason,
            @Nullable String lastError,
            @Nullable Instant stateChangedAt) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterWebhookRequest request, Principal integrator) {
        Webhooks.Registered registered;
        try {
            registered = webhooks.register(integrator.getName(), request.target(), request.typesOrEvery());
        } catch (TargetPolicy.TargetRefused e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "webhook-target-refused", e.getMessage());
        } catch (Webhooks.UnknownType e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-event-type", e.getMessage());
        } catch (Webhooks.LimitReached e) {
            throw new ProblemException(HttpStatus.CONFLICT, "webhook-limit-reached", e.getMessage());
        }
        Subscription subscription = registered.subscription();
        return ResponseEntity.created(URI.create("/api/webhooks/" + subscription.id()))
                .body(new Registered(
                        subscription.id(),
                        registered.secret(),
                        subscription.url().toString(),
                        subscription.types(),
                        "active",
                        subscription.position(),
                        subscription.createdAt()));
    }

    @GetMapping
    Page<WebhookView> list() {
        return new Page<>(webhooks.all().stream().map(WebhookView::of).toList());
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return webhooks.find(id).map(WebhookView::of).orElseThrow(() -> unknown(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!webhooks.delete(id)) {
            throw unknown(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The delivery attempts, newest first; {@code next} is the {@code before} of the following page. */
    @GetMapping("/{id}/deliveries")
    Attempts deliveries(
            @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before) {
        Subscription subscription = webhooks.find(id).orElseThrow(() -> unknown(id));
        if (limit < 1 || limit > 500) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be between 1 and 500");
        }
        List<DeliveryAttempt> attempts = webhooks.attempts(id, before, limit);
        Long next = attempts.isEmpty() || attempts.get(attempts.size() - 1).sequence() <= 1
                ? null
                : attempts.get(attempts.size() - 1).sequence();
        return new Attempts(
                attempts,
                next,
                subscription.state().name().toLowerCase(Locale.ROOT),
                subscription.disabledReason(),
                subscription.lastError(),
                subscription.stateChangedAt());
    }

    @PostMapping("/{id}/redeliver")
    ResponseEntity<WebhookView> redeliver(@PathVariable String id, @RequestParam(required = false) Long from) {
        if (from != null && from < 1) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "invalid-position", "from must be a position of the feed, a number >= 1");
        }
        return webhooks.redeliver(id, from)
                .map(WebhookView::of)
                .map(view -> ResponseEntity.accepted().body(view))
                .orElseThrow(() -> unknown(id));
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown-webhook", "no webhook '" + id + "'");
    }
}
