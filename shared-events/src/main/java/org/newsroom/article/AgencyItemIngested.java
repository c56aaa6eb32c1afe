package org.newsroom.article;

import org.axonframework.serialization.Revision;

/**
 * Recorded when a version of an agency item has become the article's working copy: its first version, after the
 * draft, photo and byline events that carried its content; a later version applied to a copy the desk had not
 * edited, after the revision events that carried its changes; or a held update an editor applied. It changes no
 * content itself: it records where the content came from ({@link AgencyItem}), so an auditor can set the agency's
 * original beside what was published.
 */
@Revision("1")
public record AgencyItemIngested(ArticleId articleId, AgencyItem item) implements ArticleEvent {}
