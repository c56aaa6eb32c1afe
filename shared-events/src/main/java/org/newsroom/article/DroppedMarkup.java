package org.newsroom.article;

/**
 * Markup of an agency body that our HTML subset has no place for, left out when the body was converted: an element
 * ({@code <table>}), an attribute ({@code @class}), a comment ({@code <!-- -->}).
 *
 * @param markup    what was left out
 * @param count     how many times
 * @param treatment {@code unwrapped}: the markup went, its text stayed; {@code removed}: it went with its content
 */
public record DroppedMarkup(String markup, int count, String treatment) {}
