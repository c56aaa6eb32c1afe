package org.newsroom.article;

/**
 * The bytes an agency delivered, exactly as they arrived, kept in the binary store under their SHA-256.
 *
 * @param sha256      lower-case hex SHA-256 of the bytes: also their key in the store
 * @param size        their length in bytes (an agency item is a few megabytes at most)
 * @param contentType as delivered ({@code application/json}, {@code application/xml})
 * @param format      what they were read as: {@code ninjs-1.6}, {@code ninjs-2.2}, {@code ninjs-3.0},
 *                    {@code ninjs-3.1}, {@code newsml-g2}
 */
public record AgencyOriginal(String sha256, int size, String contentType, String format) {}
