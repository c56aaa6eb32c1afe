package org.newsroom.platform.security;

import java.util.List;

/**
 * The access rows of one part of the application (a side, a feature, the UI), contributed as a bean. The platform
 * assembles every contribution, in bean order, between its own public rows and its catch-all ({@link AccessRules}).
 */
@FunctionalInterface
public interface RouteAccess {

    List<AccessRule> rules();
}
