package org.newsroom.command.article;

/**
 * Thrown when a command carries input that no article may hold, whatever its state: a blank or too long text, a
 * malformed language tag, disallowed HTML, a photo URI that is not http(s), a wrong number of bylines. Maps to HTTP
 * 400. {@link #field()} names the request field, e.g. {@code body} or {@code bylines[2].name}.
 */
public final class InvalidArticleContent extends ArticleCommandRejection {

    private final String field;

    InvalidArticleContent(String code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
