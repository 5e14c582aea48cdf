package io.aponorelay.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A list of address ranges (CIDRs such as {@code 10.0.0.0/8} or {@code fd00::/8}, or single
 * addresses) that an IP address is checked against.
 */
public final class Cidrs {

	private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<Range> ranges;

	private Cidrs(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Parses CIDRs.
	 * @throws IllegalArgumentException naming the first entry that is not a CIDR or an address
	 */
	public static Cidrs parse(List<String> cidrs) {
		return new Cidrs(cidrs.stream().map(Cidrs::range).toList());
	}

	public boolean isEmpty() {
		return ranges.isEmpty();
	}

	/** Whether an address (a literal, never resolved) lies in any of the ranges. */
	public boolean contains(@Nullable String address) {
		InetAddress parsed = literal(address);
		return parsed != null && ranges.stream().anyMatch((range) -> range.contains(parsed));
	}

	/** Parses an IP literal without any name lookup, or answers {@code null}. */
	public static @Nullable InetAddress literal(@Nullable String address) {
		if (address == null || !LITERAL.matcher(address.strip()).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address.strip());
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static Range range(String cidr) {
		String[] parts = cidr.strip().split("/", 2);
		InetAddress network = literal(parts[0]);
		if (network == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR");
		}
		int bits = network.getAddress().length * 8;
		int prefix;
		try {
			prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0 to " + bits);
		}
		return new Range(network.getAddress(), prefix);
	}

	private record Range(byte[] network, int prefix) {

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			int shift = bytes.length * 8 - prefix;
			return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
		}

	}

}
