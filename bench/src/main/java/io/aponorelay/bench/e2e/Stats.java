package io.aponorelay.bench.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles and summaries.
 */
final class Stats {

	private Stats() {
	}

	/** Joins per-client latency arrays, whose last element holds how many were used. */
	static long[] merge(List<long[]> perClient) {
		int total = perClient.stream().mapToInt((values) -> (int) values[values.length - 1]).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] values : perClient) {
			int used = (int) values[values.length - 1];
			System.arraycopy(values, 0, all, at, used);
			at += used;
		}
		return all;
	}

	/** A percentile, in milliseconds, of latencies in nanoseconds. */
	static double percentileMillis(long[] nanos, double percentile) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

	/** min / median / max of repeated figures. */
	static String spread(List<Double> values, String format) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return "n/a";
		}
		double median = sorted[sorted.length / 2];
		return String.format(format, sorted[0]) + " / " + String.format(format, median) + " / "
				+ String.format(format, sorted[sorted.length - 1]);
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return (sorted.length == 0) ? Double.NaN : sorted[sorted.length / 2];
	}

}
