package io.vitrine.networks.bluesky;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/** The connector built by hand on the real outbound guard, and small helpers its tests share. */
final class BlueskyWiring {

	/** Only the outbound guard, from a Spring context: the rest is wired by hand so each test picks its clock. */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan("io.vitrine.outbound")
	@EnableConfigurationProperties(OutboundSettings.class)
	static class Guard {
	}

	private BlueskyWiring() {
	}

	static BlueskyConnector connector(OutboundHttp http, Clock clock) {
		Xrpc xrpc = new Xrpc(http);
		FindPost findPost = new FindPost(xrpc, clock);
		return new BlueskyConnector(new Sessions(xrpc, new SignIn(xrpc, clock), clock),
				new CreatePost(xrpc, new BlobUploads(xrpc, clock), new Mentions(xrpc), findPost, clock), findPost);
	}

	/** The text a facet of a stored record covers, read from the UTF-8 bytes as Bluesky's apps do. */
	static String covered(String text, JsonNode facet) {
		return utf8Slice(text, facet.path("index").path("byteStart").asInt(), facet.path("index").path("byteEnd").asInt());
	}

	static String utf8Slice(String text, int byteStart, int byteEnd) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new String(Arrays.copyOfRange(bytes, byteStart, byteEnd), StandardCharsets.UTF_8);
	}

	/** A PNG of one colour. */
	static byte[] png(int width, int height, int rgb) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, rgb);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
