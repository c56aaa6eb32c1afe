package org.newsroom.command.article.web;

import org.newsroom.article.ChangeKind;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{id}/publish}, optional on first publication. A republication says why:
 * {@code update} (default), {@code correction} or {@code clarification}, the last two with a public note.
 */
public record PublishArticleRequest(ChangeKind changeKind, @Size(max = Limits.TEXT) String note) {
}
