package org.newsroom.query.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field that changed: its name ({@code headline}, {@code photos.<photoId>.caption}, {@code live.note}…), the old
 * and the new value (null when absent), and for the body a unified line diff that a person can read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldChange(String field, Object from, Object to, List<String> diff) {}
