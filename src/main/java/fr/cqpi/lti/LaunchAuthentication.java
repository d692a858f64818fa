package fr.cqpi.lti;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication a valid launch leaves in the session: the launch context, no credentials. */
public class LaunchAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final LaunchContext context;

    public LaunchAuthentication(LaunchContext context) {
        super(List.of(new SimpleGrantedAuthority(context.role().authority()), new SimpleGrantedAuthority("ROLE_LTI")));
        this.context = context;
        setAuthenticated(true);
    }

    public LaunchContext context() {
        return context;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return context;
    }

    @Override
    public String getName() {
        return principalName(context.platformId(), context.sub());
    }

    /** The name of a person's sessions (Spring Session's {@code principal_name}). */
    static String principalName(long platformId, String sub) {
        return platformId + ":" + sub;
    }
}
