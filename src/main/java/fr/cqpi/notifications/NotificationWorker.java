package fr.cqpi.notifications;

import fr.cqpi.shared.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox, on any number of instances. Each notification is claimed ({@code FOR UPDATE SKIP LOCKED}),
 * sent and marked SENT in one transaction: no other instance can take it meanwhile, and if this one dies before the
 * commit, PostgreSQL drops the lock and the notification is due again. A message is thus sent twice only if the
 * instance dies (or loses the database) between the SMTP server's acceptance and the commit, a window of one
 * {@code UPDATE}; the second copy then carries the same Message-ID. The other choice, marking it sent before sending,
 * would lose the message in that case, and a notification is never lost.
 */
@Component
class NotificationWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

    private final NotificationStore store;
    private final NotificationsProperties properties;
    private final ObjectProvider<JavaMailSender> senders;
    private final Map<String, NotificationType> types;
    private final TransactionTemplate transactions;
    private final Counter sent;
    private final Counter failedTries;
    /** Sends away from the scheduler's one thread (an SMTP timeout must not hold the other schedules). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-sender");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean warnedNoSender = new AtomicBoolean();

    NotificationWorker(
            NotificationStore store,
            NotificationsProperties properties,
            ObjectProvider<JavaMailSender> senders,
            List<NotificationType> types,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.senders = senders;
        this.types = types.stream().collect(Collectors.toMap(NotificationType::name, Function.identity()));
        this.transactions = new TransactionTemplate(transactionManager);
        this.sent = Counter.builder("cqpi.notifications.sent").register(meters);
        this.failedTries = Counter.builder("cqpi.notifications.failed.tries").register(meters);
    }

    /** What one delivery did. */
    enum Outcome {
        NONE_DUE,
        SENT,
        CANCELLED,
        RETRY,
        /** The SMTP server could not be reached: the other due notifications wait for the next poll. */
        SERVER_DOWN
    }

    @Scheduled(fixedDelayString = "${cqpi.notifications.poll-interval:1s}", initialDelayString = "PT2S")
    void poll() {
        if (!properties.enabled() || delivering.get()) {
            return;
        }
        JavaMailSender mail = senders.getIfAvailable();
        if (mail == null) {
            if (warnedNoSender.compareAndSet(false, true)) {
                log.warn("No SMTP server configured (spring.mail.host): notifications wait in the outbox");
            }
            return;
        }
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(() -> {
                try {
                    deliverDue(mail);
                } finally {
                    delivering.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            delivering.set(false);
        }
    }

    /** Delivers due notifications, one transaction each, up to a batch. */
    void deliverDue(JavaMailSender mail) {
        for (int i = 0; i < properties.batchSize(); i++) {
            Outcome outcome;
            try {
                outcome = transactions.execute(status -> deliverNext(mail));
            } catch (RuntimeException e) {
                log.warn("Could not deliver a notification: {}", e.toString());
                return;
            }
            if (outcome == Outcome.NONE_DUE || outcome == Outcome.SERVER_DOWN) {
                return;
            }
        }
    }

    /** In the caller's transaction: claims the next due notification, composes it, sends it and records how it went. */
    Outcome deliverNext(JavaMailSender mail) {
        Optional<NotificationStore.Claimed> next = store.claimNext();
        if (next.isEmpty()) {
            return Outcome.NONE_DUE;
        }
        Notification notification = next.get().notification();
        int attempts = next.get().attempts();
        NotificationType type = types.get(notification.type());
        if (type == null) {
            // Written by an instance that knows this type (a newer version during an upgrade): it will deliver it.
            return retry(notification, attempts, "no notification type " + notification.type() + " on this instance");
        }
        Optional<Mail> composed;
        try {
            composed = type.compose(notification);
        } catch (RuntimeException e) {
            return retry(notification, attempts, "composing failed: " + e);
        }
        if (composed.isEmpty()) {
            store.cancel(notification.id());
            return Outcome.CANCELLED;
        }
        try {
            MailDelivery.send(mail, properties.from(), notification, composed.get());
        } catch (MailException e) {
            retry(notification, attempts, e.getMessage());
            return unreachable(e) ? Outcome.SERVER_DOWN : Outcome.RETRY;
        }
        store.markSent(notification.id());
        sent.increment();
        return Outcome.SENT;
    }

    private Outcome retry(Notification notification, int attempts, String error) {
        failedTries.increment();
        var delay = Backoff.after(attempts, properties.retryBase(), properties.retryMax(), ThreadLocalRandom.current());
        boolean giveUp = store.retryLater(notification.id(), delay, error, properties.giveUpAfter());
        if (giveUp) {
            store.markFailed(notification.id(), error);
            log.warn("Notification {} failed for good: {}", notification.id(), error);
        } else {
            log.warn("Notification {} will be tried again in {}: {}", notification.id(), delay, error);
        }
        return Outcome.RETRY;
    }

    /** A refused recipient is that message's problem; a connection that fails is every message's. */
    private static boolean unreachable(MailException e) {
        return !(e instanceof MailSendException send)
                || send.getFailedMessages().isEmpty()
                || send.getFailedMessages().values().stream()
                        .anyMatch(cause -> cause instanceof MessagingException m
                                && (m.getNextException() instanceof IOException
                                        || m instanceof AuthenticationFailedException));
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
