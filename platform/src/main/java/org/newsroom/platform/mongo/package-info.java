/** The MongoDB connection both sides share: a real MongoDB, or the embedded server where it is on the classpath. */
@NullMarked
package org.newsroom.platform.mongo;

import org.jspecify.annotations.NullMarked;
