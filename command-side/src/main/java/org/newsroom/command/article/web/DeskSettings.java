package org.newsroom.command.article.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.command.article.LanguageList;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.desk.*}: the installation's editorial policy, handed to the aggregate on the commands that need it.
 *
 * @param reviewRequired whether a first publication needs the article to have been in review, or a reason why not
 * @param languages      the BCP 47 tags drafts may choose from, the default language first; the desk's curated list
 *                       ({@link LanguageList#DEFAULT}) when not set. An ill-formed tag stops the application at start.
 */
@ConfigurationProperties("newsroom.desk")
public record DeskSettings(
        @DefaultValue("true") boolean reviewRequired,
        @Nullable List<String> languages) {

    public LanguageList languageList() {
        return languages == null || languages.isEmpty() ? LanguageList.DEFAULT : new LanguageList(languages);
    }
}
