package vn.edu.portal.system;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A form put in the model to be shown again, with the errors of its binding kept.
 * <p>
 * Spring's model drops a form's binding result when another object is put under the
 * form's name; and when a field could not be converted while a record form was
 * constructed (an unknown choice sent by a crafted request), the binding result has no
 * target at all. Either way the page came back without a word of what was wrong.
 */
public final class FormModel {

	private FormModel() {
	}

	/** Puts the form under its name, with the errors found so far beside its fields. */
	public static void put(Model model, String name, Object form) {
		String key = BindingResult.MODEL_KEY_PREFIX + name;
		Object found = model.getAttribute(key);
		model.addAttribute(name, form);
		if (found instanceof BindingResult errors && errors.hasErrors() && errors.getTarget() != form) {
			BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, name);
			kept.addAllErrors(errors);
			model.addAttribute(key, kept);
		}
	}

}
