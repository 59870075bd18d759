package io.vitrine.networks.bluesky;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Calls XRPC methods (atproto.com/specs/xrpc) on a Bluesky server. Every call goes through the
 * outbound guard: the server is an address a person typed, or one read from their DID document.
 * Failures of the connection itself are the guard's exceptions (nothing sent, or maybe received).
 */
@Component
class Xrpc {

	private final OutboundHttp http;

	Xrpc(OutboundHttp http) {
		this.http = http;
	}

	XrpcAnswer query(String server, String method, Map<String, String> parameters) {
		OutboundRequest.Builder request = OutboundRequest.get(url(server, method));
		parameters.forEach(request::query);
		return XrpcAnswer.of(http.send(request.build()));
	}

	/** A procedure with a JSON body; {@code token} may be null. */
	XrpcAnswer procedure(String server, String method, JsonNode body, String token) {
		return procedure(OutboundRequest.post(url(server, method)), body, token);
	}

	/** A procedure that cannot take effect twice (a record written under a fixed record key). */
	XrpcAnswer repeatableProcedure(String server, String method, JsonNode body, String token) {
		return procedure(OutboundRequest.post(url(server, method)).repeatable(), body, token);
	}

	private XrpcAnswer procedure(OutboundRequest.Builder request, JsonNode body, String token) {
		if (body != null) {
			request.json(JsonMapper.shared().writeValueAsString(body));
		}
		if (token != null) {
			request.bearer(token);
		}
		return XrpcAnswer.of(http.send(request.build()));
	}

	XrpcAnswer upload(String server, String method, String contentType, byte[] content, String token) {
		return XrpcAnswer.of(http.send(OutboundRequest.post(url(server, method)).bearer(token).bytes(contentType, content).build()));
	}

	private static String url(String server, String method) {
		return (server.endsWith("/") ? server.substring(0, server.length() - 1) : server) + "/xrpc/" + method;
	}
}
