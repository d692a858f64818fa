package fr.cqpi.admin;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tool's administrators, kept in PostgreSQL ({@code admin_account}), their passwords hashed by Spring Security's
 * {@link org.springframework.security.crypto.password.DelegatingPasswordEncoder} (bcrypt). The configured
 * administrator ({@code cqpi.admin.username}, {@code cqpi.admin.password}) is added at start when no account has its
 * name; from then on the database is what counts (its password is changed on the page, not in the properties).
 */
class AdminAccounts implements UserDetailsService, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    record Account(String username, Instant createdAt, String createdBy, Instant passwordChangedAt) {}

    /** Why a form was refused: a message key of the bundles. */
    static final class Refused extends Exception {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String configuredUsername;
    private final String configuredPassword;

    AdminAccounts(JdbcClient jdbc, String configuredUsername, String configuredPassword) {
        this.jdbc = jdbc;
        this.configuredUsername = configuredUsername;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterPropertiesSet() {
        if (configuredPassword == null || configuredPassword.isBlank()) {
            return;
        }
        String hash;
        if (configuredPassword.startsWith("{noop}")) {
            hash = encoder.encode(configuredPassword.substring("{noop}".length()));
        } else if (configuredPassword.startsWith("{")) {
            hash = configuredPassword;
        } else {
            hash = encoder.encode(configuredPassword);
        }
        int added = jdbc.sql("""
                        insert into admin_account (username, password_hash, created_by) values (:username, :hash, 'configuration')
                        on conflict (username) do nothing""")
                .param("username", configuredUsername)
                .param("hash", hash)
                .update();
        if (added == 1) {
            log.info("Administrator {} added from the configuration", configuredUsername);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return hash(username)
                .map(hash -> User.withUsername(username)
                        .password(hash)
                        .roles("ADMIN")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no administrator"));
    }

    private Optional<String> hash(String username) {
        if (username == null || username.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select password_hash from admin_account where username = :username")
                .param("username", username)
                .query(String.class)
                .optional();
    }

    List<Account> all() {
        return jdbc.sql("""
                        select username, created_at, created_by, password_changed_at from admin_account
                        order by created_at, id""")
                .query((rs, n) -> new Account(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Another administrator, added by {@code actor} who proves it with their own password. */
    @Transactional
    void add(String actor, String actorPassword, String username, String password, String confirmation) throws Refused {
        checkCurrent(actor, actorPassword);
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused("admin.accounts.error.username");
        }
        checkNew(name, password, confirmation);
        int added = jdbc.sql("""
                        insert into admin_account (username, password_hash, created_by) values (:username, :hash, :actor)
                        on conflict (username) do nothing""")
                .param("username", name)
                .param("hash", encoder.encode(password))
                .param("actor", actor)
                .update();
        if (added == 0) {
            throw new Refused("admin.accounts.error.exists");
        }
        log.info("Administrator {} added by {}", name, actor);
    }

    /** The signed-in administrator's own password, the current one required. */
    @Transactional
    void changePassword(String actor, String current, String password, String confirmation) throws Refused {
        checkCurrent(actor, current);
        checkNew(actor, password, confirmation);
        if (password.equals(current)) {
            throw new Refused("admin.password.error.same");
        }
        jdbc.sql("""
                        update admin_account set password_hash = :hash, password_changed_at = :now where username = :username""")
                .param("hash", encoder.encode(password))
                .param("now", Timestamp.from(Instant.now()))
                .param("username", actor)
                .update();
        log.info("Administrator {} changed their password", actor);
    }

    private void checkCurrent(String actor, String current) throws Refused {
        Optional<String> hash = jdbc.sql(
                        "select password_hash from admin_account where username = :username for update")
                .param("username", actor)
                .query(String.class)
                .optional();
        if (current == null || current.isEmpty() || hash.isEmpty() || !encoder.matches(current, hash.get())) {
            throw new Refused("admin.password.error.current");
        }
    }

    private static void checkNew(String username, String password, String confirmation) throws Refused {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new Refused("admin.password.error.short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new Refused("admin.password.error.long");
        }
        if (!password.equals(confirmation)) {
            throw new Refused("admin.password.error.confirmation");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new Refused("admin.password.error.username");
        }
    }
}
