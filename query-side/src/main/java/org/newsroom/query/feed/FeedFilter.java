package org.newsroom.query.feed;

import java.util.Set;

/**
 * Which events a reader wants: any of {@code types} (all when empty) about {@code subject} (every article when null).
 */
public record FeedFilter(Set<String> types, String subject) {

    public static final FeedFilter ALL = new FeedFilter(Set.of(), null);

    public FeedFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public boolean isAll() {
        return types.isEmpty() && subject == null;
    }

    public boolean matches(String type, String eventSubject) {
        return (types.isEmpty() || types.contains(type)) && (subject == null || subject.equals(eventSubject));
    }

    public boolean matches(FeedEvent event) {
        return matches(event.type(), event.subject());
    }
}
