package fr.cqpi.admin;

import fr.cqpi.lti.RegistrationInvitations;
import fr.cqpi.shared.Texts;
import java.time.Duration;

/** The body of {@code POST /admin/api/registration-invitations}, every field optional. */
record AdminInvitationRequest(String note, Integer validityDays) {

    /** The first fault, as "field: problem", or null. */
    static String problem(String note, Integer validityDays) {
        if (note != null && note.length() > RegistrationInvitations.MAX_NOTE_LENGTH) {
            return "note: at most " + RegistrationInvitations.MAX_NOTE_LENGTH + " characters";
        }
        if (note != null && !note.equals(Texts.clean(note))) {
            return "note: contains characters that cannot be stored";
        }
        long max = RegistrationInvitations.MAX_VALIDITY.toDays();
        if (validityDays != null && (validityDays < 1 || validityDays > max)) {
            return "validityDays: between 1 and " + max;
        }
        return null;
    }

    static Duration validity(Integer validityDays) {
        return validityDays == null ? RegistrationInvitations.DEFAULT_VALIDITY : Duration.ofDays(validityDays);
    }
}
