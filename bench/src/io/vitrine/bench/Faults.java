package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * Where fault injection plugs into the load target: asked once per status post, before anything is
 * stored. Returning {@code true} means the fault answered (or dropped) the exchange itself and the
 * post must not be processed. {@link #NONE} is the burst scenario; 429/5xx/reset/slow/401/"stored
 * then connection dropped" come in the faults scenario.
 */
@FunctionalInterface
interface Faults {

	Faults NONE = (exchange, key) -> false;

	boolean inject(HttpExchange exchange, String idempotencyKey) throws IOException;
}
