package vn.edu.portal.organisation;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The words typed in a unit search: every word must appear in the unit's code or names,
 * in any order, folding case and diacritics on both sides ("phong giong" finds "Phòng
 * Giáo dục và Đào tạo huyện Giồng Trôm"). Each word is a trigram-indexed match of
 * {@code unit.search_text}.
 */
final class SearchWords {

	private static final int MAX_WORDS = 6;

	private final List<String> words;

	SearchWords(String text) {
		this.words = Arrays.stream((text != null) ? text.strip().split("\\s+") : new String[0])
			.filter((word) -> !word.isEmpty())
			.limit(MAX_WORDS)
			.toList();
	}

	/**
	 * The SQL condition on the unit table aliased {@code u}; true when nothing was typed.
	 */
	String condition() {
		if (this.words.isEmpty()) {
			return "true";
		}
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < this.words.size(); i++) {
			sql.append((i > 0) ? " and " : "")
				.append("u.search_text like '%' || portal_fold(:word")
				.append(i)
				.append(") || '%'");
		}
		return sql.toString();
	}

	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = statement;
		for (int i = 0; i < this.words.size(); i++) {
			bound = bound.param("word" + i, escapeLike(this.words.get(i)));
		}
		return bound;
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
