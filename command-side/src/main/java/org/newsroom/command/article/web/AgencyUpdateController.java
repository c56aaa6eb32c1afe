package org.newsroom.command.article.web;

import org.newsroom.article.ArticleId;
import org.newsroom.command.article.ApplyAgencyUpdate;
import org.newsroom.command.article.DismissAgencyUpdate;
import org.newsroom.command.article.LanguageList;
import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.command.dispatch.CommandSender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An editor's answer to an agency update held for an article the desk had edited: apply it, or dismiss it. */
@RestController
@RequestMapping(path = "/api/articles/{id}/agency-update", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Article commands")
class AgencyUpdateController {

    private final CommandSender commands;
    private final LanguageList languages;

    AgencyUpdateController(CommandSender commands, DeskSettings desk) {
        this.commands = commands;
        this.languages = desk.languageList();
    }

    @PostMapping("/apply")
    @Operation(summary = "Make the held agency update the working copy, over the desk's edits (ApplyAgencyUpdate)")
    @ApiResponse(responseCode = "200", description = "Applied")
    ResponseEntity<Answers.VersionAnswer> apply(
            @PathVariable String id, @Valid @RequestBody AgencyUpdateRequest request, ExpectedVersion expected) {
        return answer(commands.send(
                new ApplyAgencyUpdate(article(id), request.itemVersion(), languages, expected.axonVersion())));
    }

    @PostMapping("/dismiss")
    @Operation(summary = "Keep the desk's copy and set the held agency update aside (DismissAgencyUpdate)")
    @ApiResponse(responseCode = "200", description = "Dismissed")
    ResponseEntity<Answers.VersionAnswer> dismiss(
            @PathVariable String id, @Valid @RequestBody AgencyUpdateRequest request, ExpectedVersion expected) {
        return answer(
                commands.send(new DismissAgencyUpdate(article(id), request.itemVersion(), expected.axonVersion())));
    }

    private static ArticleId article(String id) {
        if (id.isBlank()) {
            throw new ArticleCommandController.UnknownArticle("There is no article with a blank id");
        }
        return new ArticleId(id);
    }

    private static ResponseEntity<Answers.VersionAnswer> answer(CommandOutcome outcome) {
        return ResponseEntity.ok()
                .eTag("\"" + outcome.version() + "\"")
                .header(ArticleCommandController.POSITION_HEADER, String.valueOf(outcome.position()))
                .body(new Answers.VersionAnswer(outcome.version()));
    }
}
