package vn.edu.portal.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedPassageTests {

	@Test
	void findsTheLongestSharedPassageWithItsContext() {
		SharedPassage passage = SharedPassage.of("Trường A đã tổ chức ba buổi sinh hoạt dưới cờ. Hết.",
				"Ở trường B đã tổ chức ba buổi sinh hoạt dưới cờ và ngoại khóa.");
		assertThat(passage.shared()).isEqualTo(" đã tổ chức ba buổi sinh hoạt dưới cờ");
		assertThat(passage.before()).isEqualTo("Trường A");
		assertThat(passage.after()).isEqualTo(". Hết.");
	}

	@Test
	void cutsLongContextAtAWordAndSaysSo() {
		String words = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(20);
		SharedPassage passage = SharedPassage.of(words + "ĐOẠN CHUNG DÀI" + words, "xx ĐOẠN CHUNG DÀI yy");
		assertThat(passage.shared()).isEqualTo(" ĐOẠN CHUNG DÀI");
		assertThat(passage.before()).startsWith("…").doesNotStartWith("… ");
		assertThat(passage.before().length()).isLessThanOrEqualTo(SharedPassage.CONTEXT + 1);
		assertThat(passage.after()).endsWith("…");
	}

	@Test
	void longTextsAreComparedQuicklyAndNothingSharedIsNull() {
		StringBuilder a = new StringBuilder();
		StringBuilder b = new StringBuilder();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 80_000; i++) {
			a.append((char) ('a' + random.nextInt(26)));
			b.append((char) ('a' + random.nextInt(26)));
		}
		String shared = "đoạn văn được sao chép nguyên văn từ mẫu của phòng";
		a.insert(50_000, shared);
		b.insert(10_000, shared);
		long start = System.nanoTime();
		assertThat(SharedPassage.of(a.toString(), b.toString()).shared()).contains(shared);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
		assertThat(SharedPassage.of("abc", "xyz")).isNull();
		assertThat(SharedPassage.of("", "xyz")).isNull();
	}

}
