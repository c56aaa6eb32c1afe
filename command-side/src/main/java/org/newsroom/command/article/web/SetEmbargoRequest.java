package org.newsroom.command.article.web;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/articles/{id}/embargo}: no publication before {@code until}, an ISO-8601 instant. */
public record SetEmbargoRequest(@NotNull Instant until) {}
