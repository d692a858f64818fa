package fr.cqpi.notifications;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the e-mails ({@code i18n/mail*.properties}): for a notification type {@code t}, {@code mail.t.subject}
 * and {@code mail.t.body}, with {@code {0}}, {@code {1}}… as the type passes them; every body ends with the same
 * footer. French by default, English when the recipient's language is.
 */
@Component
public class MailTexts {

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    MailTexts() {
        texts.setBasename("i18n/mail");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        texts.setAlwaysUseMessageFormat(true);
    }

    /** The subject and body of {@code type}'s template, filled with {@code args}, in {@code locale}. */
    public Mail compose(String type, Locale locale, Object... args) {
        return new Mail(
                text("mail." + type + ".subject", locale, args),
                text("mail." + type + ".body", locale, args) + "\n\n-- \n" + text("mail.footer", locale));
    }

    public String text(String key, Locale locale, Object... args) {
        return texts.getMessage(key, args, locale);
    }
}
