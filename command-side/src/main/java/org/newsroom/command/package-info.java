/** The command side as an application of its own: its entry point and how often the aggregate is snapshotted. */
@NullMarked
package org.newsroom.command;

import org.jspecify.annotations.NullMarked;
