package io.aponorelay.bench.micro;

import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;

/**
 * Events for the benchmarks: the sample, and a large one with 20 access units.
 */
public final class Events {

	private Events() {
	}

	/** The sample event with 20 access units across 4 integrations. */
	public static String large() {
		StringBuilder groups = new StringBuilder();
		for (int g = 0; g < 4; g++) {
			if (g > 0) {
				groups.append(',');
			}
			groups.append("{\"integration\": {\"id\": \"int-").append(g).append("\", \"type\": \"postgresql\", \"name\": \"db ")
				.append(g)
				.append("\"}, \"resource_types\": [{\"id\": \"rt\", \"name\": \"Database\", \"display_path\": \"PostgreSQL/Database\"}],")
				.append(" \"access_units\": [");
			for (int u = 0; u < 5; u++) {
				if (u > 0) {
					groups.append(',');
				}
				groups.append("{\"resource\": {\"id\": \"r-").append(g).append('-').append(u)
					.append("\", \"name\": \"table_").append(u).append("\", \"path\": \"db").append(g).append("/table_").append(u)
					.append("\", \"type\": {\"id\": \"rt\", \"name\": \"Database\", \"display_path\": \"PostgreSQL/Database\"}},")
					.append(" \"permission\": {\"id\": \"p-").append(u).append("\", \"name\": \"ReadOnly\"}}");
			}
			groups.append("]}");
		}
		String sample = SampleEvent.json();
		int start = sample.indexOf("\"access_groups\": [") + "\"access_groups\": [".length();
		int end = sample.indexOf("\"approvals_logical_relation\"");
		String large = sample.substring(0, start) + groups + "],\n    " + sample.substring(end);
		JsonValues.parse(large);
		return large;
	}

}
