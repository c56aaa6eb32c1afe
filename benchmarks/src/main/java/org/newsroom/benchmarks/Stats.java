package org.newsroom.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Medians of repeated runs and percentiles of latencies: the machine is noisy, one run proves nothing. */
final class Stats {

    private Stats() {}

    static double median(int repeats, DoubleSupplier run) {
        List<Double> values = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            values.add(run.getAsDouble());
        }
        return median(values);
    }

    /**
     * Medians of several workloads run in turns (a, b, c, a, b, c, …), so that a baseline and the figure compared with
     * it see the same machine: a neighbour's build slows both, not one of them.
     */
    static double[] interleavedMedians(int repeats, DoubleSupplier... runs) {
        List<List<Double>> values = new ArrayList<>();
        for (int r = 0; r < runs.length; r++) {
            values.add(new ArrayList<>());
        }
        for (int i = 0; i < repeats; i++) {
            for (int r = 0; r < runs.length; r++) {
                values.get(r).add(runs[r].getAsDouble());
            }
        }
        return values.stream().mapToDouble(Stats::median).toArray();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    /** The {@code percentile} (0–100) of {@code nanos}, nearest rank, in milliseconds. */
    static double percentileMillis(long[] nanos, double percentile) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
