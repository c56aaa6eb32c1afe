package org.newsroom.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Medians of repeated runs: the machine is noisy, one run proves nothing. */
final class Stats {

    private Stats() {
    }

    static double median(int repeats, DoubleSupplier run) {
        List<Double> values = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            values.add(run.getAsDouble());
        }
        Collections.sort(values);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
