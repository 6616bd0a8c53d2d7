package vn.edu.portal.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.DemoProperties;
import vn.edu.portal.system.FirstStartStep;

/**
 * The demo's incidents: three dozen over the last months from THPT chuyên Bến Tre, THPT
 * Nguyễn Đình Chiểu and THCS Phước Long, in every category, severity and state, one of
 * them a viral post that all three reported. They go through the same workflow methods as
 * users' incidents, at past times.
 */
@Component
@Order(50)
class DemoIncidents implements FirstStartStep {

	private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> SCHOOLS = List.of("THPT-CHUYENBENTRE", "THPT-NGUYENDINHCHIEU",
			"GTR-THCS-PHUOCLONG");

	private static final List<String> LEADERS = List.of("thpt.chuyenbentre", "thpt.nguyendinhchieu", "thcs.giongtrom");

	private static final List<String> VIRAL = List.of(
			"https://www.facebook.com/beritre.confessions/posts/pfbid02Kx7demo?fbclid=IwAR3demo",
			"https://m.facebook.com/beritre.confessions/posts/pfbid02Kx7demo/",
			"facebook.com/beritre.confessions/posts/pfbid02Kx7demo");

	private static final List<String> SUMMARIES = List.of(
			"Nhóm học sinh lập trang chế giễu ngoại hình một bạn lớp 10, kèm ảnh chụp lén.",
			"Clip học sinh nữ bị đánh sau giờ học được đăng lại trên nhiều trang, hơn 50 nghìn lượt xem.",
			"Bài viết cho rằng giáo viên chủ nhiệm thu tiền trái quy định, không có căn cứ.",
			"Trang tin đăng sai sự thật rằng trường cho học sinh nghỉ học cả tuần vì dịch bệnh.",
			"Danh sách học sinh kèm số điện thoại phụ huynh bị đăng công khai trong nhóm Zalo lớn.",
			"Đường dẫn tới nội dung xâm hại trẻ em được gửi vào nhóm lớp; đã báo công an, không lưu tệp.",
			"Tài khoản ẩn danh bình luận đe dọa đánh một học sinh lớp 11 tại cổng trường.",
			"Bài đăng xuyên tạc chủ trương của ngành, kêu gọi học sinh không tham gia hoạt động.",
			"Trang giả mạo trang chính thức của trường đăng thông báo thu tiền học thêm.",
			"Tin nhắn giả danh nhà trường yêu cầu phụ huynh chuyển khoản tiền bảo hiểm.",
			"Giáo viên đăng bình luận thiếu chuẩn mực về học sinh trên trang cá nhân.",
			"Học sinh đăng video có lời lẽ thô tục trong giờ ra chơi.",
			"Ảnh chụp đề kiểm tra giữa kỳ môn Toán được đăng trước giờ thi.",
			"Bài viết lan truyền về việc trường đổi đồng phục, chưa rõ loại nội dung.");

	private final DemoProperties demo;

	private final JdbcClient jdbc;

	private final IncidentRepository incidents;

	private final IncidentTargets targets;

	private final RestrictedPart restricted;

	private final IncidentThread thread;

	private final Clock clock;

	DemoIncidents(DemoProperties demo, JdbcClient jdbc, IncidentRepository incidents, IncidentTargets targets,
			RestrictedPart restricted, IncidentThread thread, Clock clock) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.targets = targets;
		this.restricted = restricted;
		this.thread = thread;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run() {
		if (!this.demo.data()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.first-start'))").query().listOfRows();
		List<Long> units = SCHOOLS.stream().map(this::unit).toList();
		List<Long> leaders = LEADERS.stream().map(this::account).toList();
		Long officer = account("sgd.chuyenvien");
		if (units.contains(null) || leaders.contains(null) || officer == null
				|| this.jdbc.sql("select exists (select 1 from incident where unit_id = ?)")
					.param(units.get(0))
					.query(Boolean.class)
					.single()) {
			return;
		}
		Instant now = this.clock.instant();
		IncidentStatus[] states = { IncidentStatus.SUBMITTED, IncidentStatus.ACCEPTED, IncidentStatus.IN_PROGRESS,
				IncidentStatus.NEEDS_INFO, IncidentStatus.ESCALATED, IncidentStatus.RESOLVED, IncidentStatus.CLOSED,
				IncidentStatus.DRAFT, IncidentStatus.CLOSED };
		int made = 0;
		for (int i = 0; i < 36; i++) {
			int school = i % 3;
			boolean viral = i < 3;
			Category category = viral ? Category.CLIP : Category.values()[i % Category.values().length];
			int severity = viral ? 3 : Math.min(4, category.defaultSeverity() + ((i % 7 == 0) ? 1 : 0));
			IncidentStatus state = viral ? IncidentStatus.ACCEPTED : states[i % states.length];
			Instant detected = now.minus(Duration.ofHours(viral ? 20 + i : 30L + 61L * i));
			String url = viral ? VIRAL.get(school) : "https://www.facebook.com/demo.trang" + i + "/posts/" + (9000 + i);
			IncidentContent content = new IncidentContent(detected, detected.minus(Duration.ofHours(2)),
					Platform.values()[i % Platform.values().length], List.of(url), category, severity,
					SUMMARIES.get(category.ordinal()), 200 * (i + 1), 7 * i, (i % 5 == 0) ? Press.ASKED : Press.NONE,
					List.of(new PersonInvolved(PersonRole.STUDENT,
							(school == 2) ? AgeBand.FROM_7_TO_15 : AgeBand.FROM_16_TO_17, 1 + i % 3)),
					Set.of(ActionTaken.REMOVAL_REQUESTED), null);
			long by = leaders.get(school);
			Incident incident = new Incident(UUID.randomUUID(), units.get(school), by, content, detected);
			if (state != IncidentStatus.DRAFT) {
				// One in four is reported after its target, one in six triaged late.
				Instant submitted = detected.plus(Duration.ofHours((i % 4 == 3) ? 30 : 1));
				incident.submit(by, submitted, this.targets.reportDue(severity, detected),
						this.targets.triageDue(severity, submitted));
				Instant accepted = submitted.plus(Duration.ofHours((i % 6 == 5) ? 80 : 1));
				if (state != IncidentStatus.SUBMITTED && accepted.isBefore(now)) {
					walk(incident, state, officer, by, accepted);
				}
			}
			incident = this.incidents.save(incident);
			if (i % 4 == 0) {
				this.restricted.write(incident.getId(), "Học sinh " + (char) ('A' + i % 26) + " (lớp 1" + (i % 3) + ")",
						by);
			}
			if (incident.getStatus() == IncidentStatus.NEEDS_INFO) {
				this.thread.add(incident.getId(), officer, "Đề nghị nhà trường cho biết nội dung đã được gỡ chưa.",
						true, incident.getSteps().get(incident.getSteps().size() - 1).takenAt());
			}
			made++;
		}
		log.info("Demo data: {} incidents, one viral post reported by three schools", made);
	}

	private static void walk(Incident incident, IncidentStatus state, long officer, long school, Instant at) {
		incident.assign(officer, officer, at);
		if (state == IncidentStatus.ACCEPTED) {
			return;
		}
		incident.start(officer, at.plusSeconds(1800));
		switch (state) {
			case NEEDS_INFO -> incident.askForInformation("Đề nghị nhà trường cho biết nội dung đã được gỡ chưa.",
					officer, at.plusSeconds(3600));
			case ESCALATED -> incident.escalate("Công an tỉnh Bến Tre (PA05)", LocalDate.ofInstant(at, ZONE),
					"CV-" + (100 + incident.getReachShares()), officer, at.plusSeconds(3600));
			case RESOLVED, CLOSED -> {
				incident.resolve(Resolution.CONTENT_REMOVED, "Nội dung đã được gỡ.", officer, at.plusSeconds(7200));
				if (state == IncidentStatus.CLOSED) {
					incident.close(officer, at.plusSeconds(10800));
				}
			}
			default -> {
			}
		}
	}

	private Long unit(String code) {
		return this.jdbc.sql("select id from unit where code = ?")
			.param(code)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private Long account(String username) {
		return this.jdbc.sql("select id from account where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
