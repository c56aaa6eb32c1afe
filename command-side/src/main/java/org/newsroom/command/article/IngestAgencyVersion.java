package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleId;

/**
 * Sent by the ingest when a version of an agency item arrives for the article it became: the article decides whether
 * {@code content} becomes its working copy (the desk has not edited the copy since the last agency version), is held
 * for an editor (it has), or, for a {@code canceled} item, withdraws it. {@code languages} is the installation's list.
 */
public record IngestAgencyVersion(
        @TargetAggregateIdentifier ArticleId articleId,
        AgencyItem item,
        ArticleContent content,
        LanguageList languages) {}
