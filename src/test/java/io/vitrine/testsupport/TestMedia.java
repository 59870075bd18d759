package io.vitrine.testsupport;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Small real files made in the test: images written by ImageIO (left half red, right half blue, so a
 * crop's position shows in its pixels), a WebP header, and MP4/QuickTime files built box by box as
 * ISO/IEC 14496-12 lays them out (ftyp, moov with mvhd, and a video trak with tkhd, mdhd, hdlr and an
 * avc1 sample description) — enough for any reader of their duration, size and codec; no frames.
 */
public final class TestMedia {

	private TestMedia() {
	}

	public static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalArgumentException("no ImageIO writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] png(int width, int height) {
		return image("png", width, height);
	}

	public static byte[] jpeg(int width, int height) {
		return image("jpeg", width, height);
	}

	/**
	 * A lossless WebP (RIFF "WEBP" with a VP8L chunk) whose header says width × height; the pixel
	 * stream is not a valid picture, so only its header can be read (nobody here writes WebP).
	 */
	public static byte[] webpHeader(int width, int height) {
		Box vp8l = new Box();
		vp8l.u8(0x2f);
		long bits = (width - 1) | ((long) (height - 1) << 14);
		vp8l.u8((int) (bits & 0xff)).u8((int) (bits >> 8 & 0xff)).u8((int) (bits >> 16 & 0xff)).u8((int) (bits >> 24 & 0xff));
		vp8l.bytes(new byte[11]);
		byte[] chunk = vp8l.toBytes();
		Box riff = new Box();
		riff.ascii("RIFF").le32(4 + 8 + chunk.length + (chunk.length % 2)).ascii("WEBP").ascii("VP8L").le32(chunk.length).bytes(chunk);
		if (chunk.length % 2 == 1) {
			riff.u8(0);
		}
		return riff.toBytes();
	}

	public static byte[] mp4(int width, int height, long durationMillis) {
		return movie("isom", width, height, durationMillis);
	}

	public static byte[] quickTime(int width, int height, long durationMillis) {
		return movie("qt  ", width, height, durationMillis);
	}

	private static byte[] movie(String brand, int width, int height, long durationMillis) {
		int timescale = 1000;
		byte[] matrix = new Box().u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000).toBytes();
		byte[] ftyp = box("ftyp", new Box().ascii(brand).u32(0x200).ascii(brand).ascii("mp41").toBytes());
		byte[] mvhd = box("mvhd", new Box().u32(0).u32(0).u32(0).u32(timescale).u32(durationMillis).u32(0x00010000).u16(0x0100)
			.bytes(new byte[10]).bytes(matrix).bytes(new byte[24]).u32(2).toBytes());
		byte[] tkhd = box("tkhd", new Box().u32(3).u32(0).u32(0).u32(1).u32(0).u32(durationMillis).bytes(new byte[8]).u16(0).u16(0)
			.u16(0).u16(0).bytes(matrix).u32((long) width << 16).u32((long) height << 16).toBytes());
		byte[] mdhd = box("mdhd", new Box().u32(0).u32(0).u32(0).u32(timescale).u32(durationMillis).u16(0x55c4).u16(0).toBytes());
		boolean quickTime = brand.equals("qt  ");
		// QuickTime's handler names the component type and ends with a Pascal string; ISO's ends with a C string.
		byte[] hdlr = quickTime
				? box("hdlr", new Box().u32(0).ascii("mhlr").ascii("vide").bytes(new byte[12]).u8(12).ascii("VideoHandler").toBytes())
				: box("hdlr", new Box().u32(0).u32(0).ascii("vide").bytes(new byte[12]).ascii("VideoHandler").u8(0).toBytes());
		byte[] avc1 = box("avc1", new Box().bytes(new byte[6]).u16(1).u16(0).u16(0).bytes(new byte[12]).u16(width).u16(height)
			.u32(0x00480000).u32(0x00480000).u32(0).u16(1).bytes(new byte[32]).u16(0x18).u16(0xffff).toBytes());
		byte[] stsd = box("stsd", new Box().u32(0).u32(1).bytes(avc1).toBytes());
		byte[] stbl = box("stbl", stsd, box("stts", new Box().u32(0).u32(0).toBytes()), box("stsc", new Box().u32(0).u32(0).toBytes()),
				box("stsz", new Box().u32(0).u32(0).u32(0).toBytes()), box("stco", new Box().u32(0).u32(0).toBytes()));
		byte[] vmhd = box("vmhd", new Box().u32(1).u16(0).u16(0).u16(0).u16(0).toBytes());
		byte[] minf = box("minf", vmhd, stbl);
		byte[] mdia = box("mdia", mdhd, hdlr, minf);
		byte[] trak = box("trak", tkhd, mdia);
		byte[] moov = box("moov", mvhd, trak);
		return new Box().bytes(ftyp).bytes(moov).toBytes();
	}

	private static byte[] box(String type, byte[]... children) {
		Box content = new Box();
		for (byte[] child : children) {
			content.bytes(child);
		}
		byte[] body = content.toBytes();
		return new Box().u32(8 + body.length).ascii(type).bytes(body).toBytes();
	}

	/** Big-endian writer for ISO boxes (and little-endian for RIFF). */
	private static final class Box {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Box u8(int v) {
			out.write(v);
			return this;
		}

		Box u16(int v) {
			return u8(v >> 8 & 0xff).u8(v & 0xff);
		}

		Box u32(long v) {
			return u8((int) (v >> 24 & 0xff)).u8((int) (v >> 16 & 0xff)).u8((int) (v >> 8 & 0xff)).u8((int) (v & 0xff));
		}

		Box le32(long v) {
			return u8((int) (v & 0xff)).u8((int) (v >> 8 & 0xff)).u8((int) (v >> 16 & 0xff)).u8((int) (v >> 24 & 0xff));
		}

		Box ascii(String s) {
			return bytes(s.getBytes(StandardCharsets.US_ASCII));
		}

		Box bytes(byte[] b) {
			out.writeBytes(b);
			return this;
		}

		byte[] toBytes() {
			return out.toByteArray();
		}
	}
}
