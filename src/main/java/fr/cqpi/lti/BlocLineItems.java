package fr.cqpi.lti;

import fr.cqpi.referentiel.Referentiel;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * The gradebook column a deep-linking content item asks the platform to create for a bloc: the grade-sync module
 * defines the tool's columns (it finds them again by their tag and resourceId) and provides this, so that the
 * deep-linking page need not depend on it.
 */
@NamedInterface("deep-linking")
public interface BlocLineItems {

    /** The {@code lineItem} of an {@code ltiResourceLink} content item for the bloc (a JWT claim: plain maps). */
    Map<String, Object> lineItemOf(Referentiel.Bloc bloc);
}
