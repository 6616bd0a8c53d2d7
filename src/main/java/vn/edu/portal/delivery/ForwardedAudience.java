package vn.edu.portal.delivery;

import org.springframework.stereotype.Component;

import vn.edu.portal.directive.DirectiveAudience;

/**
 * The units a directive was forwarded to may read it, as its published recipients may; so
 * may the unit a recipient merged into.
 */
@Component
class ForwardedAudience implements DirectiveAudience {

	@Override
	public String reachedCondition() {
		return """
				exists (select 1 from assignment fa join unit fu on fu.id = fa.unit_id
				        left join unit fs on fs.id = fu.successor_id
				        where fa.directive_id = d.id
				          and ((fa.parent_id is not null and fu.path like :scope || '%') or fs.path like :scope || '%'))
				""";
	}

}
