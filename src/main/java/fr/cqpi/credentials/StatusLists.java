package fr.cqpi.credentials;

import fr.cqpi.credentials.BlocCredentialContent.StatusEntry;
import fr.cqpi.lti.ToolBaseUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Bitstring Status Lists that say which credentials are revoked: each new credential (or wallet copy) takes the
 * next place, never given twice; a list is published as a credential of its own, signed like the others.
 */
@Component
class StatusLists {

    /** A credential's place: list {@code list} (from 1), bit {@code index}, and the entry its document carries. */
    record Slot(int list, int index, StatusEntry entry) {}

    private final CredentialRepository repository;
    private final CredentialKeys keys;
    private final CredentialSigner signer;
    private final ToolBaseUrl baseUrl;

    StatusLists(CredentialRepository repository, CredentialKeys keys, CredentialSigner signer, ToolBaseUrl baseUrl) {
        this.repository = repository;
        this.keys = keys;
        this.signer = signer;
        this.baseUrl = baseUrl;
    }

    /** The next free place, for a credential about to be issued. */
    Slot next() {
        long position = repository.nextStatusPosition();
        int list = (int) (position / BitstringStatusList.SIZE) + 1;
        int index = (int) (position % BitstringStatusList.SIZE);
        return new Slot(list, index, new StatusEntry(url(list), index));
    }

    /** The status list credential, signed with a Data Integrity proof; empty for a list that holds no credential. */
    Optional<Map<String, Object>> credential(int list) {
        if (list < 1 || !repository.listExists(list)) {
            return Optional.empty();
        }
        String url = url(list);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(JsonLdContexts.VC_V2));
        credential.put("id", url);
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        // The issuer of the credentials it lists, which controls the proof's key: verifiers check both.
        credential.put("issuer", keys.issuerDid());
        credential.put("validFrom", signer.now());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", BitstringStatusList.encode(repository.revokedIndexes(list)));
        credential.put("credentialSubject", subject);
        return Optional.of(signer.withProof(credential));
    }

    private String url(int list) {
        return baseUrl.get() + Credentials.STATUS_PATH + list;
    }
}
