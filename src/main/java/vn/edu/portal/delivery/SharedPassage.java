package vn.edu.portal.delivery;

import java.util.Arrays;

/**
 * The longest passage two texts share, found with a suffix automaton of the other text in
 * time about linear in both lengths (a table of every pair of positions would not fit
 * long reports), and shown within a little of the text around it. The parts are plain
 * text: the page escapes them and marks the shared one.
 *
 * @param before the text just before the passage, from a word boundary ("…" prefixed when
 * cut)
 * @param shared the passage both texts hold
 * @param after the text just after it, to a word boundary ("…" appended when cut)
 */
record SharedPassage(String before, String shared, String after) {

	/** How much of the text around the passage is shown on each side. */
	static final int CONTEXT = 160;

	/**
	 * The longest passage of {@code mine} that {@code other} also holds, with its context
	 * in {@code mine}; {@code null} when they share nothing.
	 */
	static SharedPassage of(String mine, String other) {
		if (mine == null || other == null || mine.isEmpty() || other.isEmpty()) {
			return null;
		}
		int[] found = longestCommon(mine, other);
		int end = found[0];
		int length = found[1];
		if (length == 0) {
			return null;
		}
		int start = end - length;
		int from = Math.max(0, start - CONTEXT);
		while (from > 0 && from < start && !Character.isWhitespace(mine.charAt(from - 1))) {
			from++;
		}
		int to = Math.min(mine.length(), end + CONTEXT);
		while (to < mine.length() && to > end && !Character.isWhitespace(mine.charAt(to))) {
			to--;
		}
		String before = ((from > 0) ? "…" : "") + mine.substring(from, start);
		String after = mine.substring(end, to) + ((to < mine.length()) ? "…" : "");
		return new SharedPassage(before, mine.substring(start, end), after);
	}

	/**
	 * Where the longest common substring ends in {@code text} and how long it is.
	 */
	private static int[] longestCommon(String text, String other) {
		Automaton automaton = new Automaton(other);
		int state = 0;
		int length = 0;
		int best = 0;
		int bestEnd = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			while (state != 0 && automaton.next(state, c) < 0) {
				state = automaton.link[state];
				length = automaton.length[state];
			}
			int next = automaton.next(state, c);
			if (next >= 0) {
				state = next;
				length++;
			}
			else {
				state = 0;
				length = 0;
			}
			if (length > best) {
				best = length;
				bestEnd = i + 1;
			}
		}
		return new int[] { bestEnd, best };
	}

	/**
	 * The suffix automaton of a text, its transitions in lists per state (a state has
	 * few, the first one at most as many as the text has distinct characters).
	 */
	private static final class Automaton {

		final int[] length;

		final int[] link;

		private final int[] first;

		private int[] nextEdge;

		private char[] edgeChar;

		private int[] edgeTarget;

		private int edges;

		private int size;

		private int last;

		Automaton(String text) {
			int states = 2 * text.length() + 1;
			this.length = new int[states];
			this.link = new int[states];
			this.first = new int[states];
			Arrays.fill(this.first, -1);
			int capacity = 3 * text.length() + 4;
			this.nextEdge = new int[capacity];
			this.edgeChar = new char[capacity];
			this.edgeTarget = new int[capacity];
			this.link[0] = -1;
			this.size = 1;
			for (int i = 0; i < text.length(); i++) {
				extend(text.charAt(i));
			}
		}

		int next(int state, char c) {
			for (int e = this.first[state]; e >= 0; e = this.nextEdge[e]) {
				if (this.edgeChar[e] == c) {
					return this.edgeTarget[e];
				}
			}
			return -1;
		}

		private void put(int state, char c, int target) {
			for (int e = this.first[state]; e >= 0; e = this.nextEdge[e]) {
				if (this.edgeChar[e] == c) {
					this.edgeTarget[e] = target;
					return;
				}
			}
			if (this.edges == this.edgeChar.length) {
				int capacity = this.edges * 2;
				this.nextEdge = Arrays.copyOf(this.nextEdge, capacity);
				this.edgeChar = Arrays.copyOf(this.edgeChar, capacity);
				this.edgeTarget = Arrays.copyOf(this.edgeTarget, capacity);
			}
			this.edgeChar[this.edges] = c;
			this.edgeTarget[this.edges] = target;
			this.nextEdge[this.edges] = this.first[state];
			this.first[state] = this.edges++;
		}

		private void extend(char c) {
			int current = this.size++;
			this.length[current] = this.length[this.last] + 1;
			int p = this.last;
			while (p != -1 && next(p, c) < 0) {
				put(p, c, current);
				p = this.link[p];
			}
			if (p == -1) {
				this.link[current] = 0;
			}
			else {
				int q = next(p, c);
				if (this.length[p] + 1 == this.length[q]) {
					this.link[current] = q;
				}
				else {
					int clone = this.size++;
					this.length[clone] = this.length[p] + 1;
					this.link[clone] = this.link[q];
					for (int e = this.first[q]; e >= 0; e = this.nextEdge[e]) {
						put(clone, this.edgeChar[e], this.edgeTarget[e]);
					}
					while (p != -1 && next(p, c) == q) {
						put(p, c, clone);
						p = this.link[p];
					}
					this.link[q] = clone;
					this.link[current] = clone;
				}
			}
			this.last = current;
		}

	}

}
