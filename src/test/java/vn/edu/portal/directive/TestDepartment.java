package vn.edu.portal.directive;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;

/**
 * A department of its own for a test, so that its registers and directives touch no other
 * test: the Department, its CTTT division, two district offices with a school each, two
 * upper-secondary schools and a continuing-education centre; an officer, a leader and a
 * school leader.
 */
public final class TestDepartment {

	public final long department;

	public final long division;

	public final long districtOne;

	public final long districtTwo;

	public final long schoolOfDistrictOne;

	public final long upperSecondaryOne;

	public final long upperSecondaryTwo;

	public final long centre;

	public final String officer;

	public final String leader;

	public final String schoolLeader;

	public final String districtLeader;

	private final JdbcClient jdbc;

	private final String prefix;

	public TestDepartment(JdbcClient jdbc, TestPeople people) {
		this.jdbc = jdbc;
		this.prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.department = unit("SGD", "Sở Giáo dục và Đào tạo thử nghiệm", "DEPARTMENT", null);
		this.division = unit("CTTT", "Phòng Chính trị tư tưởng", "DEPARTMENT_DIVISION", this.department);
		this.districtOne = unit("PGD1", "Phòng GD&ĐT huyện Một", "DISTRICT_OFFICE", this.department);
		this.districtTwo = unit("PGD2", "Phòng GD&ĐT huyện Hai", "DISTRICT_OFFICE", this.department);
		this.schoolOfDistrictOne = unit("THCS1", "Trường THCS Một", "LOWER_SECONDARY", this.districtOne);
		this.upperSecondaryOne = unit("THPT1", "Trường THPT Một", "UPPER_SECONDARY", this.department);
		this.upperSecondaryTwo = unit("THPT2", "Trường THPT Hai", "UPPER_SECONDARY", this.department);
		this.centre = unit("GDTX", "Trung tâm GDNN-GDTX huyện Một", "CONTINUING_EDUCATION", this.department);
		this.officer = people.account(this.division, Role.DEPARTMENT_OFFICER);
		this.leader = people.account(this.department, Role.DEPARTMENT_LEADER);
		this.schoolLeader = people.account(this.upperSecondaryOne, Role.UNIT_LEADER);
		this.districtLeader = people.account(this.districtOne, Role.UNIT_LEADER);
	}

	public long unit(String code, String name, String type, Long parent) {
		return this.jdbc.sql("""
				insert into unit (code, name, type, parent_id, valid_from) values (?, ?, ?, ?, date '2010-01-01')
				returning id
				""").params(this.prefix + "-" + code, name, type, parent).query(Long.class).single();
	}

}
