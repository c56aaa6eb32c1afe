package org.newsroom.query.transparency.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.transparency.CheckpointView;
import org.newsroom.query.transparency.ConsistencyProof;
import org.newsroom.query.transparency.InclusionProof;
import org.newsroom.query.transparency.ProveConsistency;
import org.newsroom.query.transparency.ProveInclusion;
import org.newsroom.query.transparency.PublicKeys;
import org.newsroom.query.transparency.TransparencyLog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transparency log's public routes (docs/transparency.md). */
@RestController
@RequestMapping("/audit/log")
class TransparencyController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final TransparencyLog transparency;

    TransparencyController(TransparencyLog transparency) {
        this.transparency = transparency;
    }

    @GetMapping(path = "/checkpoint", produces = MediaType.APPLICATION_JSON_VALUE)
    CheckpointView checkpoint() {
        return transparency.latestCheckpoint();
    }

    /** The signed note itself, as witnesses read a checkpoint. */
    @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpointNote() {
        return ResponseEntity.ok()
                .contentType(TEXT)
                .body(transparency.latestCheckpoint().note());
    }

    @GetMapping(path = "/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicKeys publicKeys() {
        return transparency.publicKeys();
    }

    /** One verifier key a line. */
    @GetMapping(path = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> publicKeyLines() {
        return ResponseEntity.ok()
                .contentType(TEXT)
                .body(String.join("\n", transparency.publicKeys().keys()) + "\n");
    }

    @GetMapping(path = "/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    InclusionProof inclusion(
            @RequestParam(required = false) @Nullable String position,
            @RequestParam(required = false) @Nullable String size) {
        return transparency.handle(query(
                () -> new ProveInclusion(number("position", position), size == null ? null : number("size", size))));
    }

    @GetMapping(path = "/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsistencyProof consistency(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return transparency.handle(query(() -> new ProveConsistency(number("from", from), number("to", to))));
    }

    private static long number(String name, @Nullable String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static <Q> Q query(Supplier<Q> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
    }
}
