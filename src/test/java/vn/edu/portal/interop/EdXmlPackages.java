package vn.edu.portal.interop;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import vn.edu.portal.system.TestPdfs;

/**
 * edXML packages for tests: the sample letter 340 as the province's system would send it.
 */
final class EdXmlPackages {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private EdXmlPackages() {
	}

	/** The sample letter 340/SGD&ĐT-CTTT of 25/02/2020, from an agency to others. */
	static EdXmlPackage letter340(String from, List<String> to) {
		List<EdXmlPackage.Organ> recipients = new ArrayList<>();
		for (String code : to) {
			recipients.add(EdXmlPackage.Organ.of(code, "Đơn vị " + code));
		}
		byte[] pdf = TestPdfs.plain();
		return new EdXmlPackage(
				new EdXmlPackage.Organ(from, "UBND TỈNH BẾN TRE", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Bến Tre",
						"phongchinhtritutuong@bentre.edu.vn", "02753839977", null, null),
				recipients, from + ",2020/02/25,340/SGD&ĐT-CTTT", "340", "SGD&ĐT-CTTT", "Bến Tre",
				LocalDate.of(2020, 2, 25), EdXml.typeOfPortal("CONG_VAN").orElseThrow(),
				"tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội",
				"Thực hiện Công văn số 2023-CV/BTGTU ngày 20/02/2020 của Ban Tuyên giáo Tỉnh ủy",
				new EdXmlPackage.Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "La Thị Thúy"), null,
				List.of("Phòng Giáo dục và Đào tạo các huyện, thành phố", "Các trường Trung học phổ thông"), 1,
				List.of(), EdXml.STEERING, new EdXmlPackage.Business(EdXml.Business.NEW, null, null, null),
				List.of(new EdXmlPackage.Attachment("ban-ky-340", "application/pdf", "Bản có chữ ký",
						"340-SGDDT-CTTT.pdf", (out) -> out.write(pdf))));
	}

	static byte[] bytes(EdXmlPackage edxml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		EdXmlWriter.write(edxml, edxml.from().organId(), Instant.parse("2020-02-25T03:00:00Z"), ZONE, out);
		return out.toByteArray();
	}

}
