/** The OpenAPI description of every route, with its problem answers and security requirements. */
package org.newsroom.platform.openapi;
