package io.vitrine.networks.tiktok;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A small MP4 file built box by box (ISO/IEC 14496-12: size, type, payload): ftyp, then an mdat of {@code payload} bytes. */
final class TinyMp4 {

	private TinyMp4() {
	}

	static byte[] of(int payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		box(out, "ftyp", "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
		byte[] data = new byte[payload];
		for (int i = 0; i < payload; i++) {
			data[i] = (byte) (i * 31 + 7);
		}
		box(out, "mdat", data);
		return out.toByteArray();
	}

	private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
		out.writeBytes(ByteBuffer.allocate(8).putInt(8 + payload.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).array());
		out.writeBytes(payload);
	}
}
