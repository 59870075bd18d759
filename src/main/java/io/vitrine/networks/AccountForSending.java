package io.vitrine.networks;

/**
 * An account as the publishing engine needs it for one send: what people see (status, pause, limits) and, unless
 * it is disconnected, its channel with the decrypted credentials — read together, in one query.
 *
 * @param channel null when the account is disconnected (its credentials are erased)
 */
public record AccountForSending(ConnectionView view, Channel channel) {
}
