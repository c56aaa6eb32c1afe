/** The ingest's HTTP routes: agency items in, the incoming list and the originals out. */
@org.jspecify.annotations.NullMarked
package org.newsroom.command.ingest.web;
