package io.vitrine.outbound.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

	private final AddressPolicy guarded = new AddressPolicy(false);

	private final AddressPolicy open = new AddressPolicy(true);

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "10.0.0.1", "10.255.255.255", "172.16.0.1",
			"172.31.255.254", "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "100.64.0.1",
			"100.127.255.254", "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.1.2.3",
			"64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "fec0::1", "198.18.0.1", "192.0.0.8" })
	void refuses_addresses_that_are_not_public_unicast(String literal) throws UnknownHostException {
		assertThat(guarded.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
			"192.169.0.1", "2a01:4f8::1", "2606:4700:4700::1111", "64:ff9b::808:808", "9.255.255.255" })
	void lets_public_addresses_through(String literal) throws UnknownHostException {
		assertThat(guarded.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.0.0.1", "169.254.169.254", "::1" })
	void lets_everything_through_when_the_operator_allows_private_addresses(String literal) throws UnknownHostException {
		assertThat(open.refusal(InetAddress.getByName(literal))).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void names_the_kind_of_address_it_refuses() throws UnknownHostException {
		assertThat(guarded.refusal(InetAddress.getByName("169.254.169.254"))).contains("a link-local address");
		assertThat(guarded.refusal(InetAddress.getByName("192.168.0.1"))).contains("a private network address");
		assertThat(guarded.refusal(InetAddress.getByName("127.0.0.1"))).contains("a loopback address");
	}
}
