package io.vitrine.outbound.internal;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host name and keeps only the addresses the policy allows. Because the HTTP client
 * connects to exactly what this returns, the address checked is the address used: a DNS answer
 * that changes between a check and the connection (DNS rebinding) cannot slip through.
 */
final class GuardedDnsResolver implements DnsResolver {

	/** Thrown as an UnknownHostException so it travels through the HTTP client unchanged. */
	static final class Refused extends UnknownHostException {

		Refused(String message) {
			super(message);
		}
	}

	private final AddressPolicy policy;

	private final DnsResolver system;

	GuardedDnsResolver(AddressPolicy policy) {
		this(policy, SystemDefaultDnsResolver.INSTANCE);
	}

	GuardedDnsResolver(AddressPolicy policy, DnsResolver system) {
		this.policy = policy;
		this.system = system;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] all = system.resolve(host);
		List<InetAddress> allowed = new ArrayList<>();
		String firstRefusal = null;
		for (InetAddress address : all) {
			Optional<String> refusal = policy.refusal(address);
			if (refusal.isEmpty()) {
				allowed.add(address);
			}
			else if (firstRefusal == null) {
				firstRefusal = refusal.get();
			}
		}
		if (allowed.isEmpty()) {
			throw new Refused(host + " resolves to " + (firstRefusal == null ? "no address" : firstRefusal));
		}
		return allowed.toArray(InetAddress[]::new);
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return system.resolveCanonicalHostname(host);
	}
}
