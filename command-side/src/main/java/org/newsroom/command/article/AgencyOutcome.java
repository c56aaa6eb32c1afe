package org.newsroom.command.article;

/** What an agency version did to its article ({@link IngestAgencyVersion}'s result). */
public enum AgencyOutcome {
    /** It became the working copy. */
    APPLIED,
    /** The desk had edited the copy: it waits for an editor to apply or dismiss it. */
    HELD,
    /** The agency canceled the item: the article is withdrawn. */
    WITHDRAWN
}
