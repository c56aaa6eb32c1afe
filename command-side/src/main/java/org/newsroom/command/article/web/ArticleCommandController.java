package org.newsroom.command.article.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;
import org.newsroom.article.PhotoId;
import org.newsroom.command.article.AddComment;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.AttachPhoto;
import org.newsroom.command.article.CancelScheduledPublication;
import org.newsroom.command.article.DetachPhoto;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.LanguageList;
import org.newsroom.command.article.LiftEmbargo;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.ReorderPhotos;
import org.newsroom.command.article.RequestChanges;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.command.article.SchedulePublication;
import org.newsroom.command.article.SetEmbargo;
import org.newsroom.command.article.SubmitForReview;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.command.article.UpdatePhoto;
import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.command.dispatch.CommandSender;
import org.newsroom.command.ingest.IngestedItems;
import org.newsroom.command.ingest.IngestedItems.IngestedPicture;
import org.newsroom.command.media.LibraryImage;
import org.newsroom.command.media.MediaLibrary;
import org.newsroom.media.MediaId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One route per Article command: map the request to the command, send it, answer with the new version. */
@RestController
@RequestMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Article commands",
        description =
                "Every write answers with ETag (the article version) and"
                        + " Newsroom-Position (global position of the last event written), accepts If-Match and Idempotency-Key")
class ArticleCommandController {

    static final String POSITION_HEADER = "Newsroom-Position";

    private final CommandSender commands;
    private final DeskSettings desk;
    private final LanguageList languages;
    private final Clock clock;
    private final MediaLibrary library;
    private final IngestedItems ingested;

    ArticleCommandController(
            CommandSender commands, DeskSettings desk, Clock clock, MediaLibrary library, IngestedItems ingested) {
        this.commands = commands;
        this.desk = desk;
        this.languages = desk.languageList();
        this.clock = clock;
        this.library = library;
        this.ingested = ingested;
    }

    @PostMapping
    @Operation(summary = "Draft a new article (DraftArticle)")
    @ApiResponse(responseCode = "201", description = "Drafted; Location names the article")
    ResponseEntity<Answers.DraftAnswer> draft(
            @Valid @RequestBody DraftArticleRequest request,
            @Parameter(description = "Must be absent (else 412): a new article has no version yet")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        IfMatch.requireAbsentForNewArticle(ifMatch);
        ArticleId id = new ArticleId(UUID.randomUUID().toString());
        CommandOutcome outcome = commands.send(new DraftArticle(
                id, request.headline(), request.standfirst(), request.body(), request.language(), languages));
        return written(HttpStatus.CREATED, outcome)
                .location(articleLocation(id.value()))
                .body(new Answers.DraftAnswer(id.value(), outcome.version()));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Revise the working copy's text (ReviseArticle)")
    @ApiResponse(responseCode = "200", description = "Revised")
    ResponseEntity<Answers.VersionAnswer> revise(
            @PathVariable String id, @Valid @RequestBody ReviseArticleRequest request, ExpectedVersion expected) {
        return version(commands.send(new ReviseArticle(
                article(id),
                request.headline(),
                request.standfirst(),
                request.body(),
                request.language(),
                languages,
                expected.axonVersion())));
    }

    @PostMapping("/{id}/photos")
    @Operation(summary = "Attach a photo after the existing ones (AttachPhoto): from the media library or by URI")
    @ApiResponse(responseCode = "201", description = "Attached; Location names the photo")
    ResponseEntity<Answers.PhotoAnswer> attachPhoto(
            @PathVariable String id, @Valid @RequestBody AttachPhotoRequest request, ExpectedVersion expected) {
        ArticleId article = article(id);
        PhotoId photo = new PhotoId(UUID.randomUUID().toString());
        IngestedPicture agencyPicture = agencyPicture(request);
        LibraryImage image = agencyPicture == null ? libraryImage(request) : null;
        CommandOutcome outcome = commands.send(new AttachPhoto(
                article,
                photo,
                agencyPicture != null ? agencyPicture.uri() : image == null ? request.uri() : image.uri(),
                request.caption(),
                request.credit(),
                request.altText(),
                image == null ? null : image.mediaId(),
                image == null ? null : image.renditions(),
                agencyPicture == null ? null : agencyPicture.item(),
                expected.axonVersion()));
        return written(HttpStatus.CREATED, outcome)
                .location(photoLocation(article.value(), photo.value()))
                .body(new Answers.PhotoAnswer(photo.value(), outcome.version()));
    }

    @PatchMapping("/{id}/photos/{photoId}")
    @Operation(summary = "Change a photo's caption, credit or alt text (UpdatePhoto)")
    @ApiResponse(responseCode = "200", description = "Updated")
    ResponseEntity<Answers.VersionAnswer> updatePhoto(
            @PathVariable String id,
            @PathVariable String photoId,
            @Valid @RequestBody UpdatePhotoRequest request,
            ExpectedVersion expected) {
        return version(commands.send(new UpdatePhoto(
                article(id),
                photo(photoId),
                request.caption(),
                request.credit(),
                request.altText(),
                expected.axonVersion())));
    }

    @DeleteMapping("/{id}/photos/{photoId}")
    @Operation(summary = "Detach a photo (DetachPhoto)")
    @ApiResponse(responseCode = "200", description = "Detached")
    ResponseEntity<Answers.VersionAnswer> detachPhoto(
            @PathVariable String id, @PathVariable String photoId, ExpectedVersion expected) {
        return version(commands.send(new DetachPhoto(article(id), photo(photoId), expected.axonVersion())));
    }

    @PutMapping("/{id}/photos/order")
    @Operation(summary = "Put the photos in a new order, the lead photo first (ReorderPhotos)")
    @ApiResponse(responseCode = "200", description = "Reordered")
    ResponseEntity<Answers.VersionAnswer> reorderPhotos(
            @PathVariable String id, @Valid @RequestBody ReorderPhotosRequest request, ExpectedVersion expected) {
        List<PhotoId> order = request.photoIds().stream()
                .map(photoId -> photoId.isBlank() ? null : new PhotoId(photoId))
                .toList();
        return version(commands.send(new ReorderPhotos(article(id), order, expected.axonVersion())));
    }

    @PutMapping("/{id}/byline")
    @Operation(summary = "Replace the bylines (AssignByline)")
    @ApiResponse(responseCode = "200", description = "Assigned")
    ResponseEntity<Answers.VersionAnswer> assignByline(
            @PathVariable String id, @Valid @RequestBody AssignBylineRequest request, ExpectedVersion expected) {
        List<Byline> bylines = request.bylines().stream()
                .map(entry -> new Byline(entry.name(), entry.role(), entry.affiliation()))
                .toList();
        return version(commands.send(new AssignByline(article(id), bylines, expected.axonVersion())));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft for review (SubmitForReview); the body is optional")
    @ApiResponse(responseCode = "200", description = "Submitted")
    ResponseEntity<Answers.VersionAnswer> submit(
            @PathVariable String id,
            @Valid @RequestBody(required = false) SubmitForReviewRequest request,
            ExpectedVersion expected) {
        String note = request == null ? null : request.note();
        return version(commands.send(new SubmitForReview(article(id), note, expected.axonVersion())));
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Add a comment to the desk's conversation about the article (AddComment)")
    @ApiResponse(responseCode = "201", description = "Added; the conversation of GET /api/articles/{id} shows it")
    ResponseEntity<Answers.CommentAnswer> comment(
            @PathVariable String id, @Valid @RequestBody AddCommentRequest request, ExpectedVersion expected) {
        String comment = UUID.randomUUID().toString();
        CommandOutcome outcome =
                commands.send(new AddComment(article(id), comment, request.text(), expected.axonVersion()));
        return written(HttpStatus.CREATED, outcome).body(new Answers.CommentAnswer(comment, outcome.version()));
    }

    @PostMapping("/{id}/request-changes")
    @Operation(summary = "Send an article in review back to its reporter (RequestChanges)")
    @ApiResponse(responseCode = "200", description = "Changes requested")
    ResponseEntity<Answers.VersionAnswer> requestChanges(
            @PathVariable String id, @Valid @RequestBody RequestChangesRequest request, ExpectedVersion expected) {
        return version(commands.send(new RequestChanges(article(id), request.note(), expected.axonVersion())));
    }

    @PostMapping("/{id}/publish")
    @Operation(
            summary = "Publish the working copy (PublishArticle); the body is optional on first publication of an"
                    + " article that was in review")
    @ApiResponse(responseCode = "200", description = "Published; url is the article's public page")
    ResponseEntity<Answers.PublicationAnswer> publish(
            @PathVariable String id,
            @Valid @RequestBody(required = false) PublishArticleRequest request,
            ExpectedVersion expected) {
        PublishArticleRequest body = request == null ? new PublishArticleRequest(null, null, null) : request;
        CommandOutcome outcome = commands.send(new PublishArticle(
                article(id),
                body.kind(),
                body.note(),
                body.withoutReview(),
                desk.reviewRequired(),
                null,
                clock.instant(),
                expected.axonVersion()));
        Publication publication = outcome.result(Publication.class);
        return written(HttpStatus.OK, outcome)
                .body(new Answers.PublicationAnswer(
                        outcome.version(), publication.publicationNumber(), sitePath(publication.slug())));
    }

    @PutMapping("/{id}/schedule")
    @Operation(summary = "Schedule the next publication, replacing any pending schedule (SchedulePublication)")
    @ApiResponse(responseCode = "200", description = "Scheduled")
    ResponseEntity<Answers.ScheduleAnswer> schedule(
            @PathVariable String id, @Valid @RequestBody SchedulePublicationRequest request, ExpectedVersion expected) {
        String schedule = UUID.randomUUID().toString();
        CommandOutcome outcome = commands.send(new SchedulePublication(
                article(id),
                schedule,
                request.at(),
                request.kind(),
                request.note(),
                request.withoutReview(),
                desk.reviewRequired(),
                clock.instant(),
                expected.axonVersion()));
        return written(HttpStatus.OK, outcome).body(new Answers.ScheduleAnswer(schedule, outcome.version()));
    }

    @DeleteMapping("/{id}/schedule")
    @Operation(summary = "Cancel the pending scheduled publication (CancelScheduledPublication)")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    ResponseEntity<Answers.VersionAnswer> cancelSchedule(@PathVariable String id, ExpectedVersion expected) {
        return version(commands.send(new CancelScheduledPublication(article(id), expected.axonVersion())));
    }

    @PutMapping("/{id}/embargo")
    @Operation(summary = "Hold the article back until a time: no publication before it (SetEmbargo)")
    @ApiResponse(responseCode = "200", description = "Embargoed")
    ResponseEntity<Answers.VersionAnswer> embargo(
            @PathVariable String id, @Valid @RequestBody SetEmbargoRequest request, ExpectedVersion expected) {
        return version(
                commands.send(new SetEmbargo(article(id), request.until(), clock.instant(), expected.axonVersion())));
    }

    @DeleteMapping("/{id}/embargo")
    @Operation(summary = "Lift the embargo (LiftEmbargo)")
    @ApiResponse(responseCode = "200", description = "Lifted")
    ResponseEntity<Answers.VersionAnswer> liftEmbargo(@PathVariable String id, ExpectedVersion expected) {
        return version(commands.send(new LiftEmbargo(article(id), expected.axonVersion())));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(summary = "Take a published article off the site (UnpublishArticle)")
    @ApiResponse(responseCode = "200", description = "Unpublished")
    ResponseEntity<Answers.VersionAnswer> unpublish(
            @PathVariable String id, @Valid @RequestBody UnpublishArticleRequest request, ExpectedVersion expected) {
        return version(commands.send(new UnpublishArticle(article(id), request.reason(), expected.axonVersion())));
    }

    @PostMapping("/{id}/kill")
    @Operation(summary = "Withdraw an article for good (KillArticle)")
    @ApiResponse(responseCode = "200", description = "Killed")
    ResponseEntity<Answers.VersionAnswer> kill(
            @PathVariable String id, @Valid @RequestBody KillArticleRequest request, ExpectedVersion expected) {
        return version(commands.send(
                new KillArticle(article(id), request.reason(), request.notice(), expected.axonVersion())));
    }

    private static ResponseEntity<Answers.VersionAnswer> version(CommandOutcome outcome) {
        return written(HttpStatus.OK, outcome).body(new Answers.VersionAnswer(outcome.version()));
    }

    private static ResponseEntity.BodyBuilder written(HttpStatus status, CommandOutcome outcome) {
        return ResponseEntity.status(status)
                .eTag("\"" + outcome.version() + "\"")
                .header(POSITION_HEADER, String.valueOf(outcome.position()));
    }

    static URI articleLocation(String articleId) {
        return URI.create("/api/articles/" + articleId);
    }

    static URI photoLocation(String articleId, String photoId) {
        return URI.create("/api/articles/" + articleId + "/photos/" + photoId);
    }

    static String sitePath(String slug) {
        return "/site/articles/" + slug;
    }

    /** The uploaded image a request names by {@code mediaId}; null for a photo given by {@code uri}. */
    private @Nullable IngestedPicture agencyPicture(AttachPhotoRequest request) {
        AttachPhotoRequest.AgencyItemReference item = request.agencyItem();
        if (item == null) {
            return null;
        }
        if (request.uri() != null || request.mediaId() != null) {
            throw new PhotoSourceRefused(
                    "agencyItem",
                    "invalid-photo-source",
                    "give the photo's mediaId, its uri or the agencyItem it came as, only one of them");
        }
        return ingested.picture(item.source(), item.itemUri(), item.itemVersion())
                .orElseThrow(() -> new PhotoSourceRefused(
                        "agencyItem",
                        "agency-picture-not-found",
                        "no picture with a web address was ingested as " + item.source() + " " + item.itemUri()
                                + " version " + item.itemVersion()));
    }

    private @Nullable LibraryImage libraryImage(AttachPhotoRequest request) {
        if (request.mediaId() == null) {
            if (request.uri() == null) {
                throw new PhotoSourceRefused(
                        "uri", "required", "give the photo's mediaId (from POST /api/media) or its uri");
            }
            return null;
        }
        if (request.uri() != null) {
            throw new PhotoSourceRefused(
                    "mediaId", "invalid-photo-source", "give the photo's mediaId or its uri, not both");
        }
        String mediaId = request.mediaId().trim();
        return (mediaId.isEmpty() ? Optional.<LibraryImage>empty() : library.find(new MediaId(mediaId)))
                .orElseThrow(() -> new PhotoSourceRefused(
                        "mediaId", "media-not-found", "no image was uploaded as " + request.mediaId()));
    }

    private static ArticleId article(String id) {
        if (id.isBlank()) {
            throw new UnknownArticle("There is no article with a blank id");
        }
        return new ArticleId(id);
    }

    private static PhotoId photo(String id) {
        if (id.isBlank()) {
            throw new UnknownPhoto("There is no photo with a blank id");
        }
        return new PhotoId(id);
    }

    static final class UnknownArticle extends RuntimeException {
        UnknownArticle(String message) {
            super(message);
        }
    }

    static final class UnknownPhoto extends RuntimeException {
        UnknownPhoto(String message) {
            super(message);
        }
    }
}
