package fr.cqpi.credentials;

import fr.cqpi.shared.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The wallet exchange endpoint is called by a wallet app with no session and no cookie: POST only, no CSRF token
 * (there is no ambient authority to forge — the one-time challenge inside the signed presentation is the
 * authorisation, checked by {@link WalletHandover}), no session created; any other method 405. Ordered before the
 * read-only chain of {@code /credentials/**}.
 */
@Configuration(proxyBeanMethods = false)
class WalletExchangeSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain walletExchangeChain(HttpSecurity http) throws Exception {
        return PublicEndpoints.open(http, List.of(HttpMethod.POST), List.of(WalletHandover.EXCHANGES_PATH + "**"))
                .build();
    }
}
