package org.newsroom.command.article.web;

/**
 * Sizes past which a field is absurd whatever the article: the request layer refuses them outright. The real limits
 * (e.g. a headline of at most 300 characters) are the aggregate's, and answered with their own codes.
 */
final class Limits {

    static final int TOKEN = 100;
    static final int TITLE = 3_000;
    static final int TEXT = 20_000;
    static final int LIST = 100;

    private Limits() {}
}
