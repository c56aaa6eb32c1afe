package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/agency-update/apply} and {@code .../dismiss}: the held version meant. */
public record AgencyUpdateRequest(
        @NotBlank @Size(max = Limits.TEXT) String itemVersion) {}
