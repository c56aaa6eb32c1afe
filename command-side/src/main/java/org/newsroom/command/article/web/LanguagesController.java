package org.newsroom.command.article.web;

import java.util.List;
import java.util.Locale;

import org.newsroom.command.article.LanguageList;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/languages}: the languages an article of this installation may be written in. */
@RestController
@Tag(name = "Article commands")
class LanguagesController {

    /** The installation's list: {@code default} is the language of a draft that names none. */
    record Languages(String defaultLanguage, List<Language> languages) {}

    /** A tag with its English name and its name in its own language, e.g. {@code de}, German, Deutsch. */
    record Language(String tag, String name, String nativeName) {}

    private final Languages answer;

    LanguagesController(DeskSettings desk) {
        LanguageList list = desk.languageList();
        this.answer = new Languages(
                list.tags().get(0),
                list.tags().stream().map(LanguagesController::language).toList());
    }

    @GetMapping(path = LanguageList.ROUTE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The BCP 47 language tags drafts and revisions may choose, the default first")
    Languages languages() {
        return answer;
    }

    private static Language language(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return new Language(tag, locale.getDisplayName(Locale.ENGLISH), locale.getDisplayName(locale));
    }
}
