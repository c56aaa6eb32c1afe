package org.newsroom.query.webhooks.web;

import java.net.URI;
import java.security.Principal;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Partners' webhooks: {@code /syndication/webhooks}, the syndication feed pushed. Each partner sees and changes only
 * its own subscriptions; another's answers 404, as one that does not exist.
 */
@RestController
@RequestMapping(path = "/syndication/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Syndication", description = "What the public may read, for partners that republish it")
class SyndicationWebhookController {

    private final Webhooks webhooks;

    SyndicationWebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push the syndication feed to a URL, from the next event on; the signing secret is shown once")
    ResponseEntity<RegisteredWebhook> register(@Valid @RequestBody RegisterWebhookRequest request, Principal partner) {
        Webhooks.Registered registered;
        try {
            registered = webhooks.register(
                    Subscription.Feed.SYNDICATION, partner.getName(), request.target(), request.typesOrEvery());
        } catch (TargetPolicy.TargetRefused e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "webhook-target-refused", e.getMessage());
        } catch (Webhooks.UnknownType e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-webhook-types", e.getMessage());
        } catch (Webhooks.LimitReached e) {
            throw new ProblemException(HttpStatus.CONFLICT, "webhook-limit-reached", e.getMessage());
        }
        return ResponseEntity.created(URI.create(
                        "/syndication/webhooks/" + registered.subscription().id()))
                .body(RegisteredWebhook.of(registered));
    }

    @GetMapping
    @Operation(summary = "The caller's webhooks, oldest first (never their secrets)")
    WebhookController.Page<WebhookView> list(Principal partner) {
        return new WebhookController.Page<>(
                webhooks.all(scope(partner)).stream().map(WebhookView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's webhooks: its state and how far it has delivered")
    WebhookView get(@PathVariable String id, Principal partner) {
        return webhooks.find(scope(partner), id).map(WebhookView::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop pushing: delete one of the caller's webhooks")
    ResponseEntity<Void> delete(@PathVariable String id, Principal partner) {
        if (!webhooks.delete(scope(partner), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery attempts, newest first; next is the before of the following page")
    DeliveryAttempts deliveries(
            @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before,
            Principal partner) {
        Subscription subscription = webhooks.find(scope(partner), id).orElseThrow(() -> notFound(id));
        if (limit < 1 || limit > 500) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be between 1 and 500");
        }
        return DeliveryAttempts.of(subscription, webhooks.attempts(id, before, limit));
    }

    private static Webhooks.Scope scope(Principal partner) {
        return Webhooks.Scope.syndicationOf(partner.getName());
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "webhook-not-found", "no webhook '" + id + "'");
    }
}
