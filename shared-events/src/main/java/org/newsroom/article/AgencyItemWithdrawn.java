package org.newsroom.article;

import org.axonframework.serialization.Revision;

/**
 * Recorded when the agency cancels the item the article came from ({@code pubStatus} {@code canceled}): the article may
 * not be published while the withdrawal stands. {@code live} says whether the article was on the site when the
 * withdrawal arrived, the desk's cue to act: taking it down stays an editor's decision unless the installation kills
 * withdrawn articles itself.
 */
@Revision("1")
public record AgencyItemWithdrawn(ArticleId articleId, AgencyItem item, boolean live) implements ArticleEvent {}
