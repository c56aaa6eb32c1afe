package org.newsroom.article;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subject an agency gave its item: its code as the agency wrote it ({@code medtop:04000000}) and its name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgencySubject(String code, @Nullable String name) {}
