package io.aponorelay.ingest;

import java.util.List;

import io.aponorelay.config.Cidrs;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from: the connection's peer, or, when that peer is a trusted proxy,
 * the nearest address in {@code X-Forwarded-For} that is not a trusted proxy itself. Untrusted
 * peers cannot choose their address with the header.
 */
final class SourceAddresses {

	private final Cidrs trustedProxies;

	SourceAddresses(Cidrs trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		// several X-Forwarded-For lines are one list in order: a proxy may add its own line
		String forwarded = String.join(",", java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
		if (forwarded.isBlank() || !trustedProxies.contains(peer)) {
			return peer;
		}
		List<String> hops = List.of(forwarded.split(","));
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i).strip();
			if (!trustedProxies.contains(hop)) {
				return (Cidrs.literal(hop) != null) ? hop : peer;
			}
		}
		return hops.get(0).strip();
	}

}
