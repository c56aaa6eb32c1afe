package org.newsroom.command.ingest;

/**
 * An agency item this installation cannot take: not well-formed, not valid against its official schema, or content no
 * article may hold. {@code where} names the first violation: a JSON path ({@code $.headlines[0]}), a line and column
 * ({@code line 12, column 5}) or a field of the article it would become ({@code photos[1].caption}).
 * {@code unreadable} says whether the bytes could not even be parsed (400) rather than read and refused (422).
 */
public final class InvalidAgencyItem extends RuntimeException {

    private final String where;
    private final boolean unreadable;

    InvalidAgencyItem(String where, String message, boolean unreadable) {
        super(message);
        this.where = where;
        this.unreadable = unreadable;
    }

    static InvalidAgencyItem unreadable(String where, String message) {
        return new InvalidAgencyItem(where, message, true);
    }

    static InvalidAgencyItem refused(String where, String message) {
        return new InvalidAgencyItem(where, message, false);
    }

    public String where() {
        return where;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
