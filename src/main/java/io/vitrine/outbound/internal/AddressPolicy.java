package io.vitrine.outbound.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which destination addresses a user-given URL may reach. Without the operator's permission,
 * anything that is not a public unicast address is refused: a Vitrine server often sits next to
 * a database, a cloud metadata service (169.254.169.254) or an admin interface that a crafted
 * instance URL must never reach.
 */
final class AddressPolicy {

	private final boolean allowPrivate;

	private final Predicate<InetAddress> exempt;

	AddressPolicy(boolean allowPrivate) {
		this(allowPrivate, address -> false);
	}

	/** {@code exempt} lets a test reach its own loopback server while everything else stays refused. */
	AddressPolicy(boolean allowPrivate, Predicate<InetAddress> exempt) {
		this.allowPrivate = allowPrivate;
		this.exempt = exempt;
	}

	/** Why the address is refused, or empty when it may be reached. */
	Optional<String> refusal(InetAddress address) {
		if (allowPrivate || exempt.test(address)) {
			return Optional.empty();
		}
		return kindOf(address);
	}

	static Optional<String> kindOf(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return Optional.of("an unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return Optional.of("a loopback address");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("a link-local address");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("a multicast address");
		}
		if (address instanceof Inet4Address v4) {
			return ipv4Kind(v4.getAddress());
		}
		if (address instanceof Inet6Address v6) {
			return ipv6Kind(v6.getAddress());
		}
		return Optional.of("an unknown kind of address");
	}

	private static Optional<String> ipv4Kind(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
			return Optional.of("a private network address");
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return Optional.of("a carrier-grade NAT address");
		}
		if (a0 == 0 || a0 == 127) {
			return Optional.of(a0 == 0 ? "an unspecified address" : "a loopback address");
		}
		if (a0 == 169 && a1 == 254) {
			return Optional.of("a link-local address");
		}
		if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 198 && (a1 & 0xfe) == 18) || a0 >= 224) {
			return Optional.of("a reserved address");
		}
		return Optional.empty();
	}

	private static Optional<String> ipv6Kind(byte[] b) {
		int first = b[0] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			return Optional.of("a private network address");
		}
		if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return Optional.of("a site-local address");
		}
		// Addresses that carry an IPv4 address inside (IPv4-compatible, NAT64, 6to4) are judged by it,
		// or "[64:ff9b::a9fe:a9fe]" would reach the metadata service.
		if (allZero(b, 0, 12)) {
			return embedded(b, 12);
		}
		if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
			return embedded(b, 12);
		}
		if (first == 0x20 && (b[1] & 0xff) == 0x02) {
			return embedded(b, 2);
		}
		return Optional.empty();
	}

	private static Optional<String> embedded(byte[] b, int offset) {
		byte[] v4 = { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] };
		try {
			return kindOf(InetAddress.getByAddress(v4));
		}
		catch (UnknownHostException impossible) {
			return Optional.of("an unknown kind of address");
		}
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
