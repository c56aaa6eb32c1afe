/** MongoDB for both sides: a real one when configured, otherwise an embedded, durable MongoDB-compatible server. */
package org.newsroom.platform.mongo;
