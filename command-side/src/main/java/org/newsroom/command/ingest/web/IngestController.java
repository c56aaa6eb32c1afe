package org.newsroom.command.ingest.web;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.command.ingest.AgencyIngest;
import org.newsroom.command.ingest.IngestReceipt;
import org.newsroom.command.ingest.IngestedItems;
import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Agency items in (ninjs or NewsML-G2, told apart by Content-Type); the incoming list and the originals out. */
@RestController
@RequestMapping(path = IngestController.ROUTE)
@Tag(name = "Ingest", description = "Agency copy in: each item version becomes an article through the Article commands")
class IngestController {

    static final String ROUTE = "/api/ingest";
    private static final int MAX_PAGE_SIZE = 200;

    private final AgencyIngest ingest;
    private final IngestedItems items;

    IngestController(AgencyIngest ingest, IngestedItems items) {
        this.ingest = ingest;
        this.items = items;
    }

    @PostMapping(
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE,
                "application/*+json",
                "application/*+xml"
            },
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ingest one agency item version (ninjs 1.x-3.x or NewsML-G2 newsItem, packageItem, newsMessage)")
    @ApiResponse(responseCode = "201", description = "Ingested: the article it became")
    @ApiResponse(responseCode = "200", description = "That item version was ingested before: the same answer")
    @ApiResponse(responseCode = "400", description = "invalid-agency-item: not well-formed")
    @ApiResponse(responseCode = "422", description = "invalid-agency-item: not valid, or no article may hold it")
    ResponseEntity<IngestReceipt> ingest(
            @RequestBody byte[] body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        IngestReceipt receipt = ingest.ingest(body, contentType);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(receipt);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The incoming list: agency item versions, newest first, by state when given")
    Map<String, Object> incoming(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid(
                    "invalid-page", "page is 0 or more and size 1 to " + MAX_PAGE_SIZE + ", not " + page + "/" + size);
        }
        List<Map<String, Object>> listed = items.list(state, page, size).stream()
                .map(IngestController::line)
                .toList();
        return Map.of("items", listed, "page", page, "size", size, "total", items.count(state));
    }

    @GetMapping("/originals/{sha256}")
    @Operation(summary = "The bytes an agency sent, exactly as they arrived, by their SHA-256")
    ResponseEntity<byte[]> original(@PathVariable String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("invalid-sha256", "a SHA-256 is 64 lower-case hex digits");
        }
        IngestedItems.Original original = items.original(sha256)
                .orElseThrow(
                        () -> ProblemException.notFound("original-not-found", "No original has SHA-256 " + sha256));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(original.contentType()))
                .header("Digest", "sha-256=" + sha256)
                .body(original.bytes());
    }

    private static Map<String, Object> line(Document item) {
        Map<String, Object> line = new java.util.LinkedHashMap<>(item);
        line.remove("_id");
        Object received = line.get("receivedAt");
        if (received instanceof java.util.Date date) {
            line.put("receivedAt", date.toInstant().toString());
        }
        return line;
    }
}
