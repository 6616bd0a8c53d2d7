package vn.edu.portal.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.Formats;

/**
 * The text of messages in the reader's language: the title of an in-app message, and the
 * HTML and plain-text bodies of an e-mail, from the Thymeleaf templates
 * {@code templates/mail/*}.
 */
@Component
class MailRenderer {

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final Formats formats;

	MailRenderer(MessageSource messages, ITemplateEngine templates, JsonMapper json, NotificationProperties properties,
			Formats formats) {
		this.messages = messages;
		this.templates = templates;
		this.json = json;
		this.properties = properties;
		this.formats = formats;
	}

	/** The title of a message from its kind and arguments. */
	String title(String kind, String argsJson, Locale locale) {
		NotificationKind known = NotificationKind.valueOf(kind);
		JsonNode args = this.json.readTree(argsJson);
		Object[] values = known.arguments()
			.stream()
			.map((name) -> args.has(name) ? args.get(name).asString() : "")
			.map((value) -> value.startsWith("notification.what.") ? this.messages.getMessage(value, null, locale)
					: value)
			.toArray();
		return this.messages.getMessage("notification.kind." + kind, values, locale);
	}

	/** An e-mail of one message. */
	Mail notification(Message message, String fullName, Locale locale) {
		Context context = context(fullName, locale);
		context.setVariable("message", message);
		String subject = message.title();
		return new Mail(subject, this.templates.process("mail/notification", context),
				this.templates.process("mail/notification.txt", context));
	}

	/** An e-mail of a day's messages. */
	Mail digest(List<Message> day, String fullName, Locale locale) {
		Context context = context(fullName, locale);
		context.setVariable("messages", day);
		String subject = this.messages.getMessage("notification.digest.subject", new Object[] { day.size() }, locale);
		return new Mail(subject, this.templates.process("mail/digest", context),
				this.templates.process("mail/digest.txt", context));
	}

	private Context context(String fullName, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("fullName", fullName);
		context.setVariable("baseUrl", this.properties.baseUrl());
		context.setVariable("formats", this.formats);
		return context;
	}

	/**
	 * A message to write out.
	 *
	 * @param title its text
	 * @param link the page it leads to, within the portal
	 * @param urgent whether it is urgent
	 * @param createdAt when it was made
	 */
	record Message(String title, String link, boolean urgent, Instant createdAt) {
	}

	/**
	 * An e-mail.
	 *
	 * @param subject its subject
	 * @param html its HTML body
	 * @param text its plain-text body
	 */
	record Mail(String subject, String html, String text) {
	}

	/** Plain-text templates ({@code templates/mail/*.txt}) beside the HTML ones. */
	@Configuration(proxyBeanMethods = false)
	static class TextTemplates {

		@Bean
		SpringResourceTemplateResolver mailTextTemplateResolver() {
			SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
			resolver.setPrefix("classpath:/templates/");
			resolver.setSuffix("");
			resolver.setResolvablePatterns(Set.of("mail/*.txt"));
			resolver.setTemplateMode(TemplateMode.TEXT);
			resolver.setCharacterEncoding("UTF-8");
			resolver.setCheckExistence(true);
			resolver.setOrder(0);
			return resolver;
		}

	}

}
