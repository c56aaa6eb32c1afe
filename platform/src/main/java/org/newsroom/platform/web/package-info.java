/**
 * HTTP plumbing shared by every route of both sides: correlation ids, the request body limit, RFC 7807 problem
 * answers with stable codes, the strict JSON reader and the OpenAPI description.
 */
@NullMarked
package org.newsroom.platform.web;

import org.jspecify.annotations.NullMarked;
