/**
 * Scheduled publication: the {@value org.newsroom.command.schedule.PublicationSchedules#PROCESSOR} processor keeps the
 * pending schedules in MongoDB and, on the one instance holding its claim, fires the due ones.
 */
@NullMarked
package org.newsroom.command.schedule;

import org.jspecify.annotations.NullMarked;
