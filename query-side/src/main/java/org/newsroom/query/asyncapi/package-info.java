/** The AsyncAPI description of Newsroom's asynchronous interfaces, served publicly at {@code /asyncapi.yaml}. */
@NullMarked
package org.newsroom.query.asyncapi;

import org.jspecify.annotations.NullMarked;
