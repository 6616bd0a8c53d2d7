package vn.edu.portal.directive;

import java.util.List;

/**
 * The text of the Department's letter 340/SGD&ĐT-CTTT of 25/02/2020 on social networks
 * (Bến Tre), as in the original: the demo's first directive.
 */
final class SampleLetter {

	static final String OPENING = "Thực hiện Công văn số 2023-CV/BTGTU ngày 20/02/2020 của Ban Tuyên giáo Tỉnh ủy về việc "
			+ "tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội, Sở Giáo dục và Đào tạo yêu cầu Phòng Giáo dục và "
			+ "Đào tạo các huyện, thành phố (chỉ đạo các trường trực thuộc Phòng); các trường Trung học phổ thông, Trung "
			+ "tâm GDNN-GDTX các huyện, thành phố thực hiện tốt các nội dung như sau:";

	static final List<String> TASKS = List.of(
			"""
					Tiếp tục triển khai thực hiện Kế hoạch số 792/KH-SGD&ĐT ngày 17/5/2019 của Sở Giáo dục và Đào tạo về việc \
					tăng cường quản lý, giáo dục chính trị tư tưởng đối với học sinh trên môi trường mạng đến năm 2025.
					Tăng cường phổ biến, hướng dẫn khai thác và sử dụng mạng xã hội đúng quy định, không cung cấp, chia sẻ, phát \
					tán những thông tin không phù hợp, gây mất ổn định tình hình an ninh trật tự.
					Việc khai thác thông tin cần tiếp cận những nguồn thông tin chính thống trên hệ thống báo chí, trang thông \
					tin điện tử chính thức của Việt Nam. Trong quá trình khai thác, nêu cao tinh thần cảnh giác trước âm mưu, \
					thủ đoạn chống phá của các thế lực thù địch.""",
			"""
					Quan tâm thực hiện có hiệu quả Chỉ thị số 42-CT/TW của Ban Bí thư (khóa XI) và Chương trình hành động số \
					41-CTr/TU của Ban Thường vụ Tỉnh ủy về giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thế hệ trẻ.""",
			"""
					Phối hợp với tổ chức Đoàn, Đội tuyên truyền về văn hoá sử dụng mạng xã hội trong học sinh, giúp các \
					em nhận thức được những hậu quả có thể xảy ra đối với bản thân và những người xung quanh khi tham \
					gia mạng xã hội thiếu ý thức.""",
			"""
					Phối hợp với cha mẹ học sinh trong việc giáo dục học sinh cách sử dụng mạng xã hội; kịp thời uốn \
					nắn những biểu hiện lệch lạc, nhất là trong việc bình luận, chia sẻ phát tán các thông tin xấu, độc \
					lên mạng xã hội.""",
			"""
					Lãnh đạo các cơ sở giáo dục thường xuyên giám sát việc tham gia mạng xã hội của giáo viên, nhân \
					viên, học sinh tại trường mình; có biện pháp nhắc nhở và xử lý kịp thời các vi phạm; các cơ sở giáo \
					dục, khi phát hiện những nội dung chia sẻ, bình luận mang tính nhạy cảm, phức tạp báo cáo kịp thời \
					cơ quan chức năng xử lý.""");

	static final String CLOSING = "Sở Giáo dục và Đào tạo yêu cầu các đơn vị triển khai thực hiện nghiêm túc, có hiệu quả "
			+ "nội dung công văn này. Khi có sự việc xảy ra phải kịp thời báo cáo về Sở Giáo dục và Đào tạo qua email: "
			+ "phongchinhtritutuong@bentre.edu.vn, số điện thoại: 02753839977./.";

	static final String ADDRESSEES = """
			- Phòng Giáo dục và Đào tạo các huyện, thành phố;
			- Các trường Trung học phổ thông;
			- Trung tâm GDNN-GDTX các huyện, thành phố.""";

	static final String OTHER_RECIPIENTS = """
			- Như trên (thực hiện);
			- Ban Tuyên giáo Tỉnh ủy (báo cáo);
			- Ban GD Sở GD&ĐT (báo cáo);
			- Website Sở;""";

	private SampleLetter() {
	}

}
