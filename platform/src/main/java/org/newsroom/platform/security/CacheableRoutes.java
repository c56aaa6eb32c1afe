package org.newsroom.platform.security;

import java.util.List;

/**
 * Routes whose answers set their own {@code Cache-Control} (public pages, immutable images): Spring Security's
 * default {@code no-cache, no-store} is not written on them. Without this, an answer delayed by an asynchronous
 * dispatch would carry both, the default first. Each side contributes its own as a bean.
 */
public record CacheableRoutes(List<String> patterns) {

    public CacheableRoutes {
        patterns = List.copyOf(patterns);
    }
}
