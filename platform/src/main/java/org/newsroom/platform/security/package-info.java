/**
 * Who may call which route: the one access table, HTTP Basic users (demo users on the embedded default, configured
 * users otherwise), an optional OAuth2 JWT issuer, browser sessions with the rule on writes from other origins, the
 * sign-in throttle, and problem answers for 401, 403 and 429. Shared by both sides.
 */
@NullMarked
package org.newsroom.platform.security;

import org.jspecify.annotations.NullMarked;
