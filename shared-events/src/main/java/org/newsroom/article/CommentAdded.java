package org.newsroom.article;

import org.axonframework.serialization.Revision;

/**
 * Recorded when a reporter or an editor adds a comment to the desk's conversation about an article: 1 to 5,000
 * characters, never blank. Comments are internal to the newsroom: they never reach the public site or its ninjs.
 */
@Revision("1")
public record CommentAdded(ArticleId articleId, String commentId, String text) implements ArticleEvent {}
