package fr.cqpi.credentials;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The wallet offers (challenges, hashed) and the copies handed to wallets: tables {@code wallet_offer}, {@code wallet_credential}. */
@Repository
class WalletRepository {

    private final JdbcClient jdbc;

    WalletRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Offer(
            UUID id,
            UUID credentialId,
            long courseId,
            long learnerId,
            byte[] challengeHash,
            Instant expiresAt,
            Instant usedAt) {}

    record NewCopy(
            UUID id,
            UUID originalId,
            UUID offerId,
            String holderDid,
            int statusList,
            int statusIndex,
            String json,
            String jwt) {}

    void insertOffer(
            UUID id,
            UUID credentialId,
            long courseId,
            long learnerId,
            byte[] challengeHash,
            Instant now,
            Instant expiresAt) {
        jdbc.sql("""
                        insert into wallet_offer (id, credential_id, course_id, learner_id, challenge_hash, created_at,
                            expires_at)
                        values (:id, :credential, :course, :learner, :hash, :now, :expires)""")
                .param("id", id)
                .param("credential", credentialId)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("hash", challengeHash)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Offers never used and expired for a day: nothing refers to them. */
    int deleteStaleOffers(Instant now) {
        return jdbc.sql("delete from wallet_offer where used_at is null and expires_at < :before")
                .param("before", Timestamp.from(now.minusSeconds(86_400)))
                .update();
    }

    Optional<Offer> findOffer(UUID id) {
        return jdbc.sql("""
                        select id, credential_id, course_id, learner_id, challenge_hash, expires_at, used_at
                        from wallet_offer where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Offer(
                        rs.getObject("id", UUID.class),
                        rs.getObject("credential_id", UUID.class),
                        rs.getLong("course_id"),
                        rs.getLong("learner_id"),
                        rs.getBytes("challenge_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null
                                ? null
                                : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    /** Spends the offer's challenge, once: false if it was spent, or expired, meanwhile. */
    boolean claim(UUID id, byte[] challengeHash, Instant now) {
        return jdbc.sql("""
                        update wallet_offer set used_at = :now
                        where id = :id and challenge_hash = :hash and used_at is null and expires_at > :now""")
                        .param("id", id)
                        .param("hash", challengeHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void insertCopy(NewCopy copy) {
        jdbc.sql("""
                        insert into wallet_credential (id, original_id, offer_id, holder_did, status_list, status_index,
                            json, jwt)
                        values (:id, :original, :offer, :holder, :list, :index, :json, :jwt)""")
                .param("id", copy.id())
                .param("original", copy.originalId())
                .param("offer", copy.offerId())
                .param("holder", copy.holderDid())
                .param("list", copy.statusList())
                .param("index", copy.statusIndex())
                .param("json", copy.json())
                .param("jwt", copy.jwt())
                .update();
    }
}
