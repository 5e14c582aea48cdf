package io.aponorelay.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A courier for store tests: room for every webhook but those it refuses, and a record of each call. */
final class RecordingCourier implements Courier {

	final Set<String> refused = new HashSet<>();

	final List<String> reserved = new CopyOnWriteArrayList<>();

	final List<ClaimedInvocation> delivered = new CopyOnWriteArrayList<>();

	final List<String> unreserved = new CopyOnWriteArrayList<>();

	@Override
	public boolean reserve(String webhook) {
		reserved.add(webhook);
		return !refused.contains(webhook);
	}

	@Override
	public void unreserve(String webhook, boolean queued) {
		unreserved.add(queued ? webhook + " queued" : webhook);
	}

	@Override
	public void deliver(ClaimedInvocation invocation) {
		delivered.add(invocation);
	}

	@Override
	public String owner() {
		return "relay-1";
	}

	@Override
	public Duration lease(String webhook) {
		return Duration.ofMinutes(1);
	}

}
