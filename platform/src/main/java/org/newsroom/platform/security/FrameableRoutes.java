package org.newsroom.platform.security;

import java.util.List;

/**
 * Routes this origin's own pages may frame ({@code X-Frame-Options: SAMEORIGIN}), such as the editor's preview; every
 * other answer keeps {@code DENY}. Each side contributes its own as a bean.
 */
public record FrameableRoutes(List<String> patterns) {

    public FrameableRoutes {
        patterns = List.copyOf(patterns);
    }
}
