package fr.cqpi.shared;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A refusal as the pages say it: the bundles' message for its reason (French, or English by locale), with the values
 * it states, dates written as the pages write them. Never the service's own (English) detail.
 */
@Component
public class RefusalMessages {

    private final MessageSource messages;
    private final DisplayDates dates;

    public RefusalMessages(MessageSource messages, DisplayDates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    /** The message {@code prefix + reason} with the refusal's values, or null when the bundles have no such key. */
    public String say(String prefix, RefusedException refusal, Locale locale) {
        Object[] values = refusal.args().stream()
                .map(a -> a instanceof LocalDate date ? dates.formatDate(date) : a)
                .toArray();
        return messages.getMessage(prefix + refusal.reason(), values, null, locale);
    }
}
