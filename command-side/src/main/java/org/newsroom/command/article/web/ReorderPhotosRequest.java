package org.newsroom.command.article.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/articles/{id}/photos/order}: every attached photo's id once, the lead photo first. */
public record ReorderPhotosRequest(
        @NotNull @Size(max = Limits.LIST) List<@NotNull @Size(max = Limits.TOKEN) String> photoIds) {}
