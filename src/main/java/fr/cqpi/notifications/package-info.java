/**
 * Notifications by e-mail: an outbox written in the transaction of what caused each one (a jury decision, an issued
 * document, a jury session set or changed, divergences left before a jury), delivered over SMTP by a worker on any
 * instance, composed at delivery in the recipient's language with a link into the tool and nothing confidential.
 * Other modules add a notification with a {@link fr.cqpi.notifications.NotificationType} and
 * {@link fr.cqpi.notifications.NotificationOutbox#enqueue}.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "credentials",
            "documents",
            "evaluation",
            "jury",
            "personaldata",
            "referentiel",
            "lti::base-url",
            "shared"
        })
package fr.cqpi.notifications;

import org.springframework.modulith.ApplicationModule;
