package org.newsroom.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Wires the event log into Axon: Jackson for every message and snapshot, our storage engine under Axon's embedded
 * event store, and the application clock as the source of event timestamps. Reports holes in the log
 * ({@code newsroom.eventlog.hole-timeout}, 30 s) as the {@code eventLog} health component and the
 * {@code newsroom_eventlog_hole_position} gauge.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class EventLogConfiguration {

    /** The health status of a hole in the log. */
    public static final String HOLE = "HOLE";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Jackson for events, messages and tokens. Polymorphic typing stays off: payload types come from the log. */
    /** Event timestamps come from the application clock (Axon reads it from a static field). */
    @Bean
    InitializingBean eventTimestampsFromClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Snapshots store the aggregate's fields as they are (aggregates have no getters to expose), with the aggregate's
     * {@link SnapshotShape shape} as their revision.
     */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        return snapshotSerializerOf(snapshotObjectMapper());
    }

    /** The snapshot serializer over a given mapper: each snapshot's revision is its aggregate's shape. */
    public static Serializer snapshotSerializerOf(ObjectMapper mapper) {
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(SnapshotShape.REVISIONS)
                .build();
    }

    /**
     * The Jackson configuration of snapshots: the aggregate's fields, whatever their visibility, read strictly. Unlike
     * an event, a snapshot is only a cache of what the events say: a field it holds that the class does not know, or
     * a primitive it holds as null, makes it unreadable (the aggregate is then loaded from its events) rather than
     * quietly dropped or defaulted.
     */
    public static ObjectMapper snapshotObjectMapper() {
        return messageObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /** The Jackson configuration of every message: ISO dates, tolerant of fields added by newer versions. */
    public static ObjectMapper messageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean(destroyMethod = "close")
    EventLogStorageEngine eventStorageEngine(
            MongoDatabase database,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
            ObjectProvider<EventUpcaster> upcasters,
            Clock clock,
            @Value("${newsroom.eventlog.batch-size:100}") int batchSize,
            @Value("${newsroom.eventlog.hole-timeout:30s}") Duration holeTimeout) {
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        return EventLogStorageEngine.builder()
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(chain))
                .batchSize(batchSize)
                .clock(clock)
                .holeTimeout(holeTimeout)
                .build();
    }

    /**
     * {@code eventLog}: UP, or {@value #HOLE} with {@code missingPosition} and {@code since} while a position has been
     * missing for longer than the hole timeout and later ones are taken. A status of its own, not DOWN: the instance
     * still takes writes, and neither restarting it nor taking it out of a load balancer fills the hole; it is shown
     * among the components, and the overall status stays what the others make it (an operator who wants it to fail
     * the overall status adds {@value #HOLE} to {@code management.endpoint.health.status.order}).
     */
    @Bean
    HealthIndicator eventLogHealthIndicator(EventLogStorageEngine engine) {
        return () -> engine.hole()
                .map(hole -> Health.status(new Status(HOLE, "readers stop at a position missing from the log"))
                        .withDetail("missingPosition", hole.position())
                        .withDetail("since", hole.since().toString())
                        .build())
                .orElseGet(() -> Health.up().build());
    }

    /** {@code newsroom_eventlog_hole_position}: the position readers stop at for good, 0 when none. */
    @Bean
    MeterBinder eventLogHoleMetric(EventLogStorageEngine engine) {
        return registry -> Gauge.builder(
                        "newsroom.eventlog.hole.position",
                        engine,
                        log -> log.hole().map(hole -> (double) hole.position()).orElse(0.0))
                .description("The first position missing from the event log for longer than"
                        + " newsroom.eventlog.hole-timeout while later ones are taken; 0 when none")
                .register(registry);
    }

    /**
     * The engine over a database, configured as the application configures it but without Spring: for the jar's
     * export and import commands, which read and restore the log without starting the application. Close it after
     * use.
     */
    public static EventLogStorageEngine engineFor(MongoDatabase database) {
        return EventLogStorageEngine.builder()
                .database(database)
                .eventSerializer(JacksonSerializer.builder()
                        .objectMapper(messageObjectMapper())
                        .build())
                .snapshotSerializer(snapshotSerializerOf(snapshotObjectMapper()))
                .build();
    }

    /**
     * Axon's event store over our engine. Events appended here wake local readers at once; events appended by other
     * instances are found by polling every {@code newsroom.eventlog.poll-interval}.
     */
    @Bean(name = "eventBus", destroyMethod = "shutDown")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(
            EventLogStorageEngine engine, @Value("${newsroom.eventlog.poll-interval:100ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(pollInterval.toMillis())
                .build();
    }
}
