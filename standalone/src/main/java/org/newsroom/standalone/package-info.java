/** The standalone application: both sides and the web UI in one JVM, on the embedded store unless configured. */
@NullMarked
package org.newsroom.standalone;

import org.jspecify.annotations.NullMarked;
