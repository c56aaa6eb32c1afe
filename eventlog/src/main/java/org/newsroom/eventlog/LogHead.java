package org.newsroom.eventlog;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Finds the end of the log by exact {@code _id} lookups only. mongo-java-server answers "the highest {@code _id}" by
 * reading and sorting every document (some 20 s for 300,000 events, holding the store's read lock, so that every
 * write waited); but since every position below the head is taken, the head can be found by galloping and bisecting
 * over windows of positions, then reading on commit by commit from the last commit found: a few dozen lookups.
 * <p>
 * Windows are only a guide (a window inside a large commit holds no commit start); the last step, reading on from a
 * commit's end until the first free position, is exact whatever the commits' sizes.
 */
final class LogHead {

    static final int WINDOW = 64;

    private LogHead() {}

    /** The first free position: one past the last stored event (1 for an empty log). */
    static long nextFreePosition(MongoCollection<Document> events, long from) {
        long low = 0;
        long lowEnd = 0;
        long probe = Math.max(1, from);
        while (true) {
            TreeMap<Long, StoredCommit> window = window(events, probe);
            if (window.isEmpty()) {
                break;
            }
            StoredCommit last = window.lastEntry().getValue();
            low = last.firstPosition();
            lowEnd = last.lastPosition();
            probe = Math.max(probe * 2, lowEnd + 1);
        }
        long high = probe;
        while (high - Math.max(low, 1) > WINDOW) {
            long middle = Math.max(low, 1) + (high - Math.max(low, 1)) / 2;
            TreeMap<Long, StoredCommit> window = window(events, middle);
            if (window.isEmpty()) {
                high = middle;
            } else {
                StoredCommit last = window.lastEntry().getValue();
                low = last.firstPosition();
                lowEnd = last.lastPosition();
            }
        }
        return readOn(events, low == 0 ? 1 : lowEnd + 1);
    }

    /**
     * From a position that is free or the start of a commit, follows the commits until the first free position.
     */
    static long readOn(MongoCollection<Document> events, long from) {
        long position = from;
        while (true) {
            long windowStart = position;
            Map<Long, StoredCommit> window = window(events, windowStart);
            while (window.containsKey(position)) {
                position = window.get(position).lastPosition() + 1;
            }
            if (position < windowStart + WINDOW) {
                return position;
            }
        }
    }

    private static TreeMap<Long, StoredCommit> window(MongoCollection<Document> events, long start) {
        return events
                .find(in(
                        EventFields.ID,
                        LongStream.range(start, start + WINDOW).boxed().toList()))
                .map(StoredCommit::from)
                .into(new ArrayList<>())
                .stream()
                .collect(Collectors.toMap(StoredCommit::firstPosition, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
