package org.newsroom.command.article;

/**
 * Thrown when the Article aggregate refuses a command; nothing is recorded. {@link #code()} is a stable kebab-case
 * identifier of the reason, for clients to act on; the message is for people.
 */
public abstract sealed class ArticleCommandRejection extends RuntimeException
        permits ArticleRuleViolation, InvalidArticleContent {

    private final String code;

    ArticleCommandRejection(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
