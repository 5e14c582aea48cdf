package io.aponorelay.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The hosts webhooks may call ({@code relay.delivery.allowed-hosts}): exact names, {@code *.}
 * patterns that match any subdomain, and CIDRs for IP addresses. Empty allows any host.
 */
public final class AllowedHosts {

	private final List<String> names = new ArrayList<>();

	private final List<String> suffixes = new ArrayList<>();

	private final Cidrs cidrs;

	/**
	 * Parses the allowed hosts.
	 * @throws IllegalArgumentException naming an entry that is neither a host pattern nor a CIDR
	 */
	public AllowedHosts(List<String> patterns) {
		List<String> ranges = new ArrayList<>();
		for (String pattern : patterns) {
			String lower = pattern.strip().toLowerCase(Locale.ROOT);
			if (Cidrs.literal(lower.split("/")[0]) != null) {
				ranges.add(lower);
			}
			else if (lower.startsWith("*.") && lower.length() > 2 && !lower.substring(2).contains("*")) {
				suffixes.add(lower.substring(1));
			}
			else if (!lower.isEmpty() && !lower.contains("*") && !lower.contains("/")) {
				names.add(lower);
			}
			else {
				throw new IllegalArgumentException("'" + pattern + "' is not a host name, *.domain pattern or CIDR");
			}
		}
		this.cidrs = Cidrs.parse(ranges);
	}

	/** Whether a URL's host may be called. */
	public boolean allows(String url) {
		if (names.isEmpty() && suffixes.isEmpty() && cidrs.isEmpty()) {
			return true;
		}
		String host = host(url);
		if (host == null) {
			return false;
		}
		if (Cidrs.literal(host) != null) {
			return cidrs.contains(host);
		}
		return names.contains(host) || suffixes.stream().anyMatch(host::endsWith);
	}

	private static @Nullable String host(String url) {
		try {
			String host = URI.create(url).getHost();
			if (host == null) {
				return null;
			}
			host = host.toLowerCase(Locale.ROOT);
			return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
