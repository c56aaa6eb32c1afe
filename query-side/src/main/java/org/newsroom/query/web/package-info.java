/** What every query route shares: RFC 7807 errors and read-your-writes ({@code ?atLeast=}). */
@NullMarked
package org.newsroom.query.web;

import org.jspecify.annotations.NullMarked;
