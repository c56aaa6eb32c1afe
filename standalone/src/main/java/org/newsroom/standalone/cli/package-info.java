/**
 * The jar's commands besides running the application: {@code store}, {@code export}, {@code import} and
 * {@code help}, each light (no web application) and ending with exit code 0 on success.
 */
@NullMarked
package org.newsroom.standalone.cli;

import org.jspecify.annotations.NullMarked;
