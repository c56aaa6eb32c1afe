package org.newsroom.command.article;

import java.util.Comparator;

import org.newsroom.article.AgencyItem;

/**
 * The order of an item's versions: by number when the agency numbers them (ninjs {@code version}, NewsML-G2
 * {@code version}), else by {@code versionCreated}, else by the version's text.
 */
final class AgencyVersions {

    static final Comparator<AgencyItem> ORDER = AgencyVersions::compare;

    private AgencyVersions() {}

    static int compare(AgencyItem a, AgencyItem b) {
        Long left = number(a.itemVersion());
        Long right = number(b.itemVersion());
        if (left != null && right != null) {
            return Long.compare(left, right);
        }
        if (a.versionCreated() != null && b.versionCreated() != null) {
            int byTime = a.versionCreated().compareTo(b.versionCreated());
            if (byTime != 0) {
                return byTime;
            }
        }
        return a.itemVersion().compareTo(b.itemVersion());
    }

    private static Long number(String version) {
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
