package vn.edu.portal.delivery;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.edu.portal.directive.DirectiveAudience;

/**
 * The units a directive was forwarded to may read it, as its published recipients may; so
 * may the unit a recipient merged into.
 * <p>
 * Two conditions, not one with an {@code or} inside: each finds its few units by their
 * path first. Joined in one, the {@code or} across two units' paths made PostgreSQL read
 * every assignment of the province to list a school's directives (120 ms with 430,000
 * assignments, 2 ms now).
 */
@Component
class ForwardedAudience implements DirectiveAudience {

	@Override
	public String reachedCondition() {
		return """
				exists (select 1 from assignment fa join unit fu on fu.id = fa.unit_id
				        where fa.directive_id = d.id and fa.parent_id is not null and fu.path like :scope || '%')
				or exists (select 1 from assignment fa join unit fu on fu.id = fa.unit_id join unit fs on fs.id = fu.successor_id
				           where fa.directive_id = d.id and fs.path like :scope || '%')
				""";
	}

	@Override
	public List<String> reachedSets() {
		return List.of("""
				select fa.directive_id from assignment fa
				where fa.parent_id is not null and fa.unit_id in (select units_in_path_range(:scope, :scopeEnd))
				""", """
				select fa.directive_id from assignment fa join unit fu on fu.id = fa.unit_id
				where fu.successor_id in (select units_in_path_range(:scope, :scopeEnd))
				group by fa.directive_id
				""");
	}

}
