package org.newsroom.query.site;

/** The live copy of an article, by slug. */
public record FindPublishedArticle(String slug) {}
