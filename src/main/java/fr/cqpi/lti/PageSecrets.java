package fr.cqpi.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a cookieless launch's page keeps in its {@code sessionStorage} from the login step to the handover:
 * what a cookie would otherwise do, binding the launch to the browser tab that started it. A copy in the tool's
 * {@code localStorage} (partitioned by the LMS's site) serves handover pages that Chromium gives a stale copy of
 * the tab's {@code sessionStorage}. Only its SHA-256 is stored.
 */
final class PageSecrets {

    /** Request attribute: the hash of the secret given to this login's page, stored with its OIDC state. */
    static final String ISSUED_HASH = PageSecrets.class.getName() + ".issued";
    /** Request attribute: the hash stored with the state this launch came back with. */
    static final String LAUNCH_HASH = PageSecrets.class.getName() + ".launch";
    /** Request attribute: the platform's storage frame the login step put the state in, if any. */
    static final String LAUNCH_STORAGE_TARGET = PageSecrets.class.getName() + ".storageTarget";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String secret, byte[] expectedHash) {
        return secret != null && expectedHash != null && MessageDigest.isEqual(hash(secret), expectedHash);
    }
}
