package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveContent.RecipientChoice;
import vn.edu.portal.directive.DirectiveContent.Reference;
import vn.edu.portal.directive.DirectiveContent.Task;
import vn.edu.portal.organisation.UnitDirectory;
import vn.edu.portal.system.DemoProperties;
import vn.edu.portal.system.FirstStartStep;
import vn.edu.portal.system.Formats;

/**
 * Demo directives, once, after the demo units and accounts: the Department's letter
 * 340/SGD&ĐT-CTTT of 25/02/2020 on social networks, published to its recipients as in the
 * original, and a handful of others of different types and urgencies, in every state of
 * the lifecycle. They go through the same service as the pages, as the demo officer and
 * leader.
 */
@Component
@Order(30)
class DemoDirectives implements FirstStartStep {

	static final String OFFICER = "sgd.chuyenvien";

	static final String LEADER = "sgd.lanhdao";

	private static final Logger log = LoggerFactory.getLogger(DemoDirectives.class);

	private final DemoProperties demo;

	private final DirectiveService directives;

	private final UserDetailsService accounts;

	private final UnitDirectory units;

	private final JdbcClient jdbc;

	private final Formats formats;

	DemoDirectives(DemoProperties demo, DirectiveService directives, UserDetailsService accounts, UnitDirectory units,
			JdbcClient jdbc, Formats formats) {
		this.demo = demo;
		this.directives = directives;
		this.accounts = accounts;
		this.units = units;
		this.jdbc = jdbc;
		this.formats = formats;
	}

	@Override
	@Transactional
	public void run() {
		if (!this.demo.data()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.first-start'))").query().listOfRows();
		if (this.jdbc.sql("select exists (select 1 from directive)").query(Boolean.class).single()) {
			return;
		}
		CurrentUser officer = (CurrentUser) this.accounts.loadUserByUsername(OFFICER);
		CurrentUser leader = (CurrentUser) this.accounts.loadUserByUsername(LEADER);
		String department = "UNIT:" + this.units.findByCode("SGDDT-BT").orElseThrow().id();
		String specialised = "UNIT:" + this.units.findByCode("THPT-CHUYENBENTRE").orElseThrow().id();

		this.directives.continueRegister(leader, 2020, 339);
		publish(officer, leader, sampleLetter(department), LocalDate.of(2020, 2, 25));

		LocalDate today = this.formats.today();
		publish(officer, leader, directive(DocumentType.CHI_THI, Urgency.NORMAL,
				"Về nhiệm vụ trọng tâm bảo đảm an toàn thông tin, văn hóa ứng xử trên mạng xã hội trong trường học",
				List.of(new RecipientChoice("SUBTREE:" + department.substring(5), RecipientRole.IMPLEMENT)),
				List.of("Quán triệt đến toàn thể cán bộ, giáo viên, nhân viên và học sinh Bộ quy tắc ứng xử trên mạng xã hội.",
						"Rà soát, quản lý các trang, nhóm mạng xã hội mang tên nhà trường; gỡ bỏ các trang giả mạo."),
				ReportSchedule.NONE, null, null), today.minusDays(90));
		publish(officer, leader,
				directive(DocumentType.KE_HOACH, Urgency.NORMAL,
						"Tuyên truyền, giáo dục kỹ năng sử dụng mạng xã hội an toàn cho học sinh",
						List.of(new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT),
								new RecipientChoice("TYPE:SPECIALISED", RecipientRole.IMPLEMENT),
								new RecipientChoice("TYPE:CONTINUING_EDUCATION", RecipientRole.IMPLEMENT),
								new RecipientChoice("TYPE:DISTRICT_OFFICE", RecipientRole.INFORM)),
						List.of("Tổ chức ít nhất một buổi sinh hoạt chuyên đề mỗi tháng về an toàn trên mạng.",
								"Báo cáo số buổi sinh hoạt và số học sinh tham gia."),
						ReportSchedule.MONTHLY, today.minusDays(50), today.plusDays(180)),
				today.minusDays(60));
		publish(officer, leader,
				directive(DocumentType.CONG_VAN, Urgency.FLASH,
						"báo cáo nhanh tình hình học sinh bị lôi kéo tham gia thử thách nguy hiểm trên mạng",
						List.of(new RecipientChoice("TYPE:DISTRICT_OFFICE", RecipientRole.IMPLEMENT),
								new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT)),
						List.of("Rà soát ngay và báo cáo số học sinh liên quan, biện pháp đã thực hiện."),
						ReportSchedule.ONCE, today.minusDays(19), null),
				today.minusDays(20));
		publish(officer, leader,
				directive(DocumentType.GIAY_MOI, Urgency.URGENT,
						"Dự hội nghị tập huấn xử lý sự cố truyền thông trên mạng xã hội",
						List.of(new RecipientChoice(specialised, RecipientRole.IMPLEMENT),
								new RecipientChoice("TYPE:DISTRICT_OFFICE", RecipientRole.IMPLEMENT)),
						List.of(), ReportSchedule.NONE, null, null),
				today.minusDays(10));
		Directive notice = publish(officer, leader,
				directive(DocumentType.THONG_BAO, Urgency.NORMAL,
						"Lịch kiểm tra công tác quản lý mạng xã hội tại các trường",
						List.of(new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT)), List.of(),
						ReportSchedule.NONE, null, null),
				today.minusDays(5));
		this.directives.recall(leader, notice.getId(), notice.getVersion(), "Thay bằng lịch kiểm tra mới.");

		Directive pending = this.directives.create(officer,
				directive(DocumentType.HUONG_DAN, Urgency.NORMAL, "Báo cáo sự cố trên mạng xã hội qua cổng",
						List.of(new RecipientChoice("SUBTREE:" + department.substring(5), RecipientRole.IMPLEMENT)),
						List.of("Lãnh đạo đơn vị báo cáo sự cố ngay khi phát hiện, qua mục Báo cáo sự cố của cổng."),
						ReportSchedule.NONE, null, null));
		this.directives.submit(officer, pending.getId(), pending.getVersion());
		this.directives.create(officer,
				directive(DocumentType.CONG_VAN, Urgency.NORMAL, "tổng kết công tác chính trị tư tưởng học kỳ I",
						List.of(new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT)),
						List.of("Đánh giá kết quả thực hiện các nhiệm vụ học kỳ I."), ReportSchedule.NONE, null, null));
		log.info("Demo data: loaded the sample letter 340/SGD&ĐT-CTTT and 7 other directives");
	}

	private Directive publish(CurrentUser officer, CurrentUser leader, DirectiveContent content, LocalDate on) {
		Directive directive = this.directives.create(officer, content);
		this.directives.submit(officer, directive.getId(), directive.getVersion());
		return this.directives.publish(leader, directive.getId(), directive.getVersion(), on);
	}

	/** The sample letter as in the original, field by field. */
	static DirectiveContent sampleLetter(String departmentToken) {
		return new DirectiveContent(DocumentType.CONG_VAN, "UBND TỈNH BẾN TRE", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGD&ĐT",
				"CTTT", "Bến Tre", "tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội", SampleLetter.OPENING,
				SampleLetter.TASKS.stream().map((text) -> new Task(text, false, null)).toList(), SampleLetter.CLOSING,
				Urgency.NORMAL,
				List.of(new Reference(null, "2023-CV/BTGTU ngày 20/02/2020",
						"Công văn của Ban Tuyên giáo Tỉnh ủy về việc tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội")),
				SignerPrefix.KT, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "La Thị Thúy",
				List.of(new RecipientChoice("TYPE:DISTRICT_OFFICE", RecipientRole.IMPLEMENT),
						new RecipientChoice("TYPE:UPPER_SECONDARY", RecipientRole.IMPLEMENT),
						new RecipientChoice("TYPE:SPECIALISED", RecipientRole.IMPLEMENT),
						new RecipientChoice("TYPE:CONTINUING_EDUCATION", RecipientRole.IMPLEMENT),
						new RecipientChoice(departmentToken, RecipientRole.INFORM)),
				SampleLetter.ADDRESSEES, SampleLetter.OTHER_RECIPIENTS, "VT, CTTT", null, ReportSchedule.NONE, null,
				null, "phongchinhtritutuong@bentre.edu.vn", "02753839977", true);
	}

	private static DirectiveContent directive(DocumentType type, Urgency urgency, String subject,
			List<RecipientChoice> recipients, List<String> tasks, ReportSchedule schedule, LocalDate reportDue,
			LocalDate reportUntil) {
		boolean reports = schedule != ReportSchedule.NONE;
		List<Task> taskList = new ArrayList<>();
		tasks.forEach((text) -> taskList.add(new Task(text, reports, null)));
		return new DirectiveContent(type, "UBND TỈNH BẾN TRE", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
				(type == DocumentType.CONG_VAN) ? "SGD&ĐT" : "SGDĐT", (type == DocumentType.CONG_VAN) ? "CTTT" : null,
				"Bến Tre", subject,
				"Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo yêu cầu các đơn vị:", taskList,
				"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở (qua Phòng Chính trị tư tưởng)./.",
				urgency, List.of(), SignerPrefix.KT, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "La Thị Thúy", recipients, null,
				"- Như trên;\n- Ban Giám đốc Sở (báo cáo);\n- Website Sở;", "VT, CTTT", null, schedule, reportDue,
				reportUntil, "phongchinhtritutuong@bentre.edu.vn", "02753839977", false);
	}

}
