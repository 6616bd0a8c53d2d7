package vn.edu.portal.incident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same post or account, however its URL was written. */
class UrlKeyTests {

	@Test
	void oneFacebookPostWrittenThreeWaysHasOneKey() {
		assertThat(UrlKey.of("https://www.facebook.com/truongTHPTabc/posts/1234567890?fbclid=IwAR0xyz&__tn__=R"))
			.isEqualTo("facebook:post:1234567890");
		assertThat(UrlKey.of("http://m.facebook.com/truongTHPTabc/posts/1234567890/"))
			.isEqualTo("facebook:post:1234567890");
		assertThat(UrlKey.of("facebook.com/permalink.php?story_fbid=1234567890&id=100012345"))
			.isEqualTo("facebook:post:1234567890");
		assertThat(UrlKey.of("https://www.facebook.com/photo/?fbid=1234567890&set=a.1"))
			.isEqualTo("facebook:post:1234567890");
	}

	@Test
	void accountsAndVideosOfTikTokAndYouTube() {
		assertThat(
				UrlKey.of("https://www.tiktok.com/@Hoc.Sinh.BT/video/7301234567890?is_from_webapp=1&sender_device=pc"))
			.isEqualTo("tiktok:video:7301234567890");
		assertThat(UrlKey.of("tiktok.com/@hoc.sinh.bt")).isEqualTo("tiktok:account:hoc.sinh.bt");
		assertThat(UrlKey.of("https://youtu.be/dQw4w9WgXcQ?si=abc")).isEqualTo("youtube:video:dQw4w9WgXcQ");
		assertThat(UrlKey.of("https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share"))
			.isEqualTo("youtube:video:dQw4w9WgXcQ");
		assertThat(UrlKey.of("https://www.youtube.com/shorts/dQw4w9WgXcQ")).isEqualTo("youtube:video:dQw4w9WgXcQ");
		assertThat(UrlKey.of("https://www.youtube.com/@KenhTruong")).isEqualTo("youtube:account:kenhtruong");
		assertThat(UrlKey.of("https://www.facebook.com/profile.php?id=100012345"))
			.isEqualTo("facebook:account:100012345");
		assertThat(UrlKey.of("https://facebook.com/TruongTHPTabc/")).isEqualTo("facebook:account:truongthptabc");
	}

	@Test
	void otherSitesLoseSchemeWwwTrackingAndTrailingSlashAndSortTheRest() {
		assertThat(UrlKey.of("HTTPS://WWW.Example.vn/tin-tuc/bai-viet/?utm_source=zalo&b=2&a=1#binh-luan"))
			.isEqualTo("example.vn/tin-tuc/bai-viet?a=1&b=2");
		assertThat(UrlKey.of("example.vn/tin-tuc/bai-viet?b=2&a=1"))
			.isEqualTo(UrlKey.of("https://www.example.vn/tin-tuc/bai-viet?a=1&b=2"));
		assertThat(UrlKey.of("https://example.vn/bai-1")).isNotEqualTo(UrlKey.of("https://example.vn/bai-2"));
	}

	@Test
	void onlyWebAddressesAreTaken() {
		assertThat(UrlKey.parse("facebook.com/abc")).isPresent();
		assertThat(UrlKey.parse("javascript:alert(1)")).isEmpty();
		assertThat(UrlKey.parse("ftp://example.vn/x")).isEmpty();
		assertThat(UrlKey.parse("khong phai duong dan")).isEmpty();
		assertThat(UrlKey.parse("localhost")).isEmpty();
		assertThat(UrlKey.parse("")).isEmpty();
	}

}
