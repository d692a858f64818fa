package fr.cqpi.credentials;

import fr.cqpi.documents.CredentialLinks;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Answers the documents module: the verification URLs of a learner's credentials in force, for the PDFs. */
@Component
class DocumentCredentialLinks implements CredentialLinks {

    private final Credentials credentials;

    DocumentCredentialLinks(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Map<String, String> inForce(long courseId, long learnerId) {
        return credentials.verificationUrlsInForce(courseId, learnerId);
    }
}
