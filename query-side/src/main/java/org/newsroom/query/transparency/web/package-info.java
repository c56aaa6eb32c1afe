/** The transparency log's public routes under {@code /audit/log}: checkpoint, public key, inclusion and consistency proofs. */
@NullMarked
package org.newsroom.query.transparency.web;

import org.jspecify.annotations.NullMarked;
