/** The OpenAPI description of every route, with its problem answers and security requirements. */
@NullMarked
package org.newsroom.platform.openapi;

import org.jspecify.annotations.NullMarked;
