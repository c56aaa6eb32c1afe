package org.newsroom.query.webhooks.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.newsroom.platform.web.ProblemException;
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

import jakarta.validation.Valid;

/** Integrators' webhooks: {@code /api/webhooks}. */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    /** Integrators share the integration subscriptions; partners' syndication ones are not theirs to see. */
    private static final Webhooks.Scope INTEGRATION = Webhooks.Scope.integration();

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record Page<T>(List<T> items) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisteredWebhook> register(
            @Valid @RequestBody RegisterWebhookRequest request, Principal integrator) {
        Webhooks.Registered registered;
        try {
            registered = webhooks.register(
                    Subscription.Feed.INTEGRATION, integrator.getName(), request.target(), request.typesOrEvery());
        } catch (TargetPolicy.TargetRefused e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "webhook-target-refused", e.getMessage());
        } catch (Webhooks.UnknownType e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-event-type", e.getMessage());
        } catch (Webhooks.LimitReached e) {
            throw new ProblemException(HttpStatus.CONFLICT, "webhook-limit-reached", e.getMessage());
        }
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + registered.subscription().id()))
                .body(RegisteredWebhook.of(registered));
    }

    @GetMapping
    Page<WebhookView> list() {
        return new Page<>(
                webhooks.all(INTEGRATION).stream().map(WebhookView::of).toList());
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return webhooks.find(INTEGRATION, id).map(WebhookView::of).orElseThrow(() -> unknown(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!webhooks.delete(INTEGRATION, id)) {
            throw unknown(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The delivery attempts, newest first; {@code next} is the {@code before} of the following page. */
    @GetMapping("/{id}/deliveries")
    DeliveryAttempts deliveries(
            @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before) {
        Subscription subscription = webhooks.find(INTEGRATION, id).orElseThrow(() -> unknown(id));
        if (limit < 1 || limit > 500) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be between 1 and 500");
        }
        return DeliveryAttempts.of(subscription, webhooks.attempts(id, before, limit));
    }

    @PostMapping("/{id}/redeliver")
    ResponseEntity<WebhookView> redeliver(@PathVariable String id, @RequestParam(required = false) Long from) {
        if (from != null && from < 1) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "invalid-position", "from must be a position of the feed, a number >= 1");
        }
        return webhooks.redeliver(INTEGRATION, id, from)
                .map(WebhookView::of)
                .map(view -> ResponseEntity.accepted().body(view))
                .orElseThrow(() -> unknown(id));
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown-webhook", "no webhook '" + id + "'");
    }
}
