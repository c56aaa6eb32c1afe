package org.newsroom.command.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.dispatch.CommandMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the due schedules, every {@code newsroom.desk.schedule.check-interval}, on the instance whose
 * {@value PublicationSchedules#PROCESSOR} processor holds the claim of its one segment (another instance takes over
 * within the claim timeout). A firing is a {@link PublishArticle} naming the schedule, sent in the name of the editor
 * who scheduled it; the article accepts it only while that schedule is pending, so a schedule fired twice (by an
 * instance that lost the claim meanwhile, or before the processor saw the publication) is published once. A schedule
 * the article refuses for another reason (an incomplete article, say) is tried again after the retry interval.
 * <p>
 * A {@link org.newsroom.command.PeriodicTask} calls {@link #fireDue()}; what is due, and who may fire it, is in
 * MongoDB.
 */
final class ScheduleFirer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    private static final String NOT_PENDING = "schedule-not-pending";

    private final PublicationSchedules schedules;
    private final CommandGateway commands;
    private final Clock clock;
    private final BooleanSupplier claimed;
    private final ScheduleSettings settings;

    ScheduleFirer(
            PublicationSchedules schedules,
            CommandGateway commands,
            Clock clock,
            BooleanSupplier claimed,
            ScheduleSettings settings) {
        this.schedules = schedules;
        this.commands = commands;
        this.clock = clock;
        this.claimed = claimed;
        this.settings = settings;
    }

    /** Fires what is due now, if this instance holds the claim; answers how many schedules it fired. */
    int fireDue() {
        if (!claimed.getAsBoolean()) {
            return 0;
        }
        int fired = 0;
        for (PendingPublication pending : schedules.due(clock.instant())) {
            fired += fire(pending) ? 1 : 0;
        }
        return fired;
    }

    private boolean fire(PendingPublication pending) {
        Instant now = clock.instant();
        PublishArticle firing = PublishArticle.scheduled(new ArticleId(pending.articleId()), pending.scheduleId(), now);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(firing)
                    .andMetaData(pending.by() == null ? Map.of() : Map.of(CommandMetadata.ACTOR, pending.by())));
            schedules.remove(pending);
            log.info(
                    "Published article {} as scheduled for {}, {} ms late",
                    pending.articleId(),
                    pending.at(),
                    Duration.between(pending.at(), now).toMillis());
            return true;
        } catch (ArticleRuleViolation refused) {
            if (NOT_PENDING.equals(refused.code())) {
                schedules.remove(pending);
            } else {
                schedules.retryLater(pending, now.plus(settings.retryInterval()));
                log.warn(
                        "Article {} refused its publication scheduled for {} ({}: {}); trying again in {}",
                        pending.articleId(),
                        pending.at(),
                        refused.code(),
                        refused.getMessage(),
                        settings.retryInterval());
            }
        } catch (AggregateNotFoundException unknown) {
            schedules.remove(pending);
        }
        return false;
    }
}
