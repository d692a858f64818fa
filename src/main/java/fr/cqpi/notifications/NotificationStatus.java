package fr.cqpi.notifications;

/** Where a notification stands; see the {@code notification} table. */
enum NotificationStatus {
    PENDING,
    SENT,
    FAILED,
    NO_ADDRESS,
    CANCELLED
}
