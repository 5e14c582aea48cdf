package io.aponorelay.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): the milliseconds since the epoch, then random bits. Ids made one
 * after another sort one after another, so a store's index on them grows at its end instead of
 * at a random page for each new invocation.
 */
final class TimeOrderedIds {

	private static final SecureRandom random = new SecureRandom();

	private TimeOrderedIds() {
	}

	static UUID next(long epochMillis) {
		long randomHigh = random.nextLong();
		long randomLow = random.nextLong();
		long most = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
		long least = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

}
