package org.newsroom.command.article.web;

/**
 * A photo request whose image cannot be taken: neither {@code uri} nor {@code mediaId}, or both, or a
 * {@code mediaId} that names no uploaded image. Answered 400 {@code validation-failed}, the field named.
 */
final class PhotoSourceRefused extends RuntimeException {

    private final String field;
    private final String code;

    PhotoSourceRefused(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
