package org.newsroom.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An agency item's publishing status (IPTC {@code pubStatus}): {@code usable} may be published; {@code withheld} may
 * not be, until a later usable version arrives; {@code canceled} withdraws the item.
 */
public enum AgencyStatus {
    @JsonProperty("usable")
    USABLE,
    @JsonProperty("withheld")
    WITHHELD,
    @JsonProperty("canceled")
    CANCELED
}
