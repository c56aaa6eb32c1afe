package org.newsroom.article;

/**
 * The agency item a photo was attached from: a picture the agency sent on its own, ingested and then attached to an
 * article by the desk. Its original is kept by the ingest under the item version's SHA-256.
 *
 * @param source      the agency, as the ingest names it ({@code AFP})
 * @param itemUri     the item's uri (ninjs) or guid (NewsML-G2)
 * @param itemVersion the item version the photo was taken from
 * @param sha256      lower-case hex SHA-256 of the bytes the agency sent for that version
 */
public record AgencyPicture(String source, String itemUri, String itemVersion, String sha256) {}
