package fr.cqpi.gradesync;

import fr.cqpi.lti.BlocLineItems;
import fr.cqpi.referentiel.Referentiel;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A bloc placed in a course by deep linking gets the same gradebook column as one the tool creates through AGS. */
@Component
class DeepLinkingBlocColumns implements BlocLineItems {

    @Override
    public Map<String, Object> lineItemOf(Referentiel.Bloc bloc) {
        return BlocColumn.of(bloc).asDeepLinkingLineItem();
    }
}
