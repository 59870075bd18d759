package io.vitrine.networks.x;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a thread went: its first post, the last post on X and the number of the next further post to send
 * (0 = the first reply). Kept by the engine as the pending target's reference between two steps.
 */
record XThread(String headId, String lastId, int next) {

	private static final Pattern REF = Pattern.compile("x-thread:(\\d{1,19}):(\\d{1,19}):(\\d{1,3})");

	static XThread started(String headId) {
		return new XThread(headId, headId, 0);
	}

	static XThread parse(String ref) {
		Matcher m = REF.matcher(ref == null ? "" : ref);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a thread reference: " + ref);
		}
		return new XThread(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
	}

	XThread advanced(String postedId) {
		return new XThread(headId, postedId, next + 1);
	}

	String ref() {
		return "x-thread:" + headId + ":" + lastId + ":" + next;
	}
}
