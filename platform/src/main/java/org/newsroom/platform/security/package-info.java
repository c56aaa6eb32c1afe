/**
 * Who may call which route: the one access table, HTTP Basic users (demo users on the embedded default, configured
 * users otherwise), an optional OAuth2 JWT issuer, and problem answers for 401 and 403. Shared by both sides.
 */
@NullMarked
package org.newsroom.platform.security;

import org.jspecify.annotations.NullMarked;
