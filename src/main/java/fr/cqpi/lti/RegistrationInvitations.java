package fr.cqpi.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time invitations to register a platform: without one, dynamic registration fetches nothing. The
 * secret is in the URL the administrator pastes into the LMS; only its SHA-256 is stored.
 */
@Service
public class RegistrationInvitations {

    private static final Logger log = LoggerFactory.getLogger(RegistrationInvitations.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);
    public static final int MAX_NOTE_LENGTH = 500;
    static final String PARAMETER = "invitation";

    public enum State {
        PENDING,
        USED,
        EXPIRED,
        REVOKED
    }

    /** A new invitation: its URL is shown once. */
    public record Created(long id, String url, Instant expiresAt) {}

    public record Invitation(
            long id, String note, Instant createdAt, Instant expiresAt, State state, String platformName) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ToolBaseUrl baseUrl;

    RegistrationInvitations(JdbcClient jdbc, Clock clock, ToolBaseUrl baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public Created create(String note, Duration validity, String actor) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException(
                    "validity must be between 1 minute and " + MAX_VALIDITY.toDays() + " days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(validity);
        long id = jdbc.sql("""
                        insert into registration_invitation (token_hash, note, created_at, expires_at)
                        values (:hash, :note, :now, :expires) returning id""")
                .param("hash", hash(token))
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
        log.info("Registration invitation {} created by {}, valid until {}", id, actor, expiresAt);
        return new Created(id, baseUrl.get() + LtiPaths.REGISTER + "?" + PARAMETER + "=" + token, expiresAt);
    }

    /** The id of the invitation this secret names, while it can still be used. */
    public Optional<Long> usable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id from registration_invitation
                        where token_hash = :hash and used_at is null and revoked_at is null and expires_at > :now""")
                .param("hash", hash(token.strip()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
    }

    /** Marks the invitation used by this platform; false when it was used, revoked or expired meanwhile. */
    boolean consume(long id, long platformId) {
        return jdbc.sql("""
                                update registration_invitation set used_at = :now, platform_id = :platform
                                where id = :id and used_at is null and revoked_at is null and expires_at > :now""")
                        .param("id", id)
                        .param("platform", platformId)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    public void revoke(long id, String actor) {
        int revoked = jdbc.sql(
                        "update registration_invitation set revoked_at = :now where id = :id and used_at is null and revoked_at is null")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (revoked == 1) {
            log.info("Registration invitation {} revoked by {}", id, actor);
        }
    }

    /**
     * A pending invitation's URL cannot be shown again (only its hash is stored): renewing revokes it and creates
     * another, with the same note and the same validity, whose URL is shown once. Empty when it is no longer pending
     * (used, revoked or expired meanwhile).
     */
    @Transactional
    public Optional<Created> renew(long id, String actor) {
        record Pending(String note, Duration validity) {}
        Optional<Pending> pending = jdbc.sql("""
                        select note, created_at, expires_at from registration_invitation
                        where id = :id and used_at is null and revoked_at is null and expires_at > :now
                        for update""")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(
                        rs.getString("note"),
                        Duration.between(
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("expires_at").toInstant())))
                .optional();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        revoke(id, actor);
        Duration validity = pending.get().validity();
        if (validity.compareTo(MAX_VALIDITY) > 0 || validity.compareTo(Duration.ofMinutes(1)) < 0) {
            validity = DEFAULT_VALIDITY;
        }
        Created created = create(pending.get().note(), validity, actor);
        log.info("Registration invitation {} renewed as {} by {}", id, created.id(), actor);
        return Optional.of(created);
    }

    public List<Invitation> all() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select i.id, i.note, i.created_at, i.expires_at, i.used_at, i.revoked_at, p.name
                        from registration_invitation i left join platform p on p.id = i.platform_id
                        order by i.created_at desc, i.id desc limit 200""")
                .query((rs, n) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    State state = rs.getTimestamp("used_at") != null
                            ? State.USED
                            : rs.getTimestamp("revoked_at") != null
                                    ? State.REVOKED
                                    : expires.isAfter(now) ? State.PENDING : State.EXPIRED;
                    return new Invitation(
                            rs.getLong("id"),
                            rs.getString("note"),
                            rs.getTimestamp("created_at").toInstant(),
                            expires,
                            state,
                            rs.getString("name"));
                })
                .list();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
