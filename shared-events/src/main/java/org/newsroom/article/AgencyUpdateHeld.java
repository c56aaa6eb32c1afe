package org.newsroom.article;

import org.axonframework.serialization.Revision;

/**
 * Recorded when a later version of an agency item arrives for an article whose working copy the desk has edited since
 * the last agency version: nothing changes in the copy; {@code content} is the agency's new version, as it would
 * become the copy, kept for an editor to apply or dismiss. A later held update replaces an earlier one.
 */
@Revision("1")
public record AgencyUpdateHeld(ArticleId articleId, AgencyItem item, ArticleContent content) implements ArticleEvent {}
