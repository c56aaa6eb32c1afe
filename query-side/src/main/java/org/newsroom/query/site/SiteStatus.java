package org.newsroom.query.site;

/** Whether readers see an article: published (200), unpublished (404) or killed (410 with the public notice). */
public enum SiteStatus {
    PUBLISHED,
    UNPUBLISHED,
    KILLED
}
