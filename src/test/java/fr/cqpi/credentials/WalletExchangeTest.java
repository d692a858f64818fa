package fr.cqpi.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.multibase.Multibase;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import fr.cqpi.shared.QrCodesTest;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-over to the Learner Credential Wallet, the test playing the wallet: the learner asks for a link on « Mes
 * certifications » (a form with its CSRF token, as a browser submits it), the deep link and its QR code carry the
 * exchange URL and a one-time challenge; the "wallet" makes an Ed25519 did:key, signs a DIDAuth presentation over the
 * challenge as LCW does (Ed25519Signature2020, contexts VC 2.0 + the suite's), POSTs it, and gets a credential bound
 * to its DID whose proof, VC-JWT and status verify. Refused, with nothing spent nor stored: another key's signature,
 * another learner's challenge, a wrong challenge, junk; refused afterwards: the same challenge again, an expired one.
 */
class WalletExchangeTest extends ToolIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Credentials credentials;

    /** A wallet: an Ed25519 key and its did:key. */
    record Wallet(KeyPair keys, String did) {
        static Wallet create() throws Exception {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Wallet(keys, "did:key:" + Ed25519Keys.multibase(keys.getPublic()));
        }

        String method() {
            return did + "#" + did.substring("did:key:".length());
        }
    }

    /** What LCW's credential request sends: an empty presentation, holder its DID, signed for authentication. */
    static Map<String, Object> didAuth(
            Wallet holder, Wallet signer, String challenge, String cryptosuite, String domain) {
        boolean signature2020 = cryptosuite == null;
        return didAuth(
                holder,
                signer,
                challenge,
                cryptosuite,
                domain,
                signature2020
                        ? List.of(JsonLdContexts.VC_V2, JsonLdContexts.ED25519_2020)
                        : List.of(JsonLdContexts.VC_V2));
    }

    static Map<String, Object> didAuth(
            Wallet holder, Wallet signer, String challenge, String cryptosuite, String domain, List<String> contexts) {
        Map<String, Object> vp = new LinkedHashMap<>();
        boolean signature2020 = cryptosuite == null;
        vp.put("@context", contexts);
        vp.put("type", List.of("VerifiablePresentation"));
        vp.put("holder", holder.did());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("type", signature2020 ? "Ed25519Signature2020" : "DataIntegrityProof");
        if (!signature2020) {
            options.put("cryptosuite", cryptosuite);
        }
        options.put("created", "2026-12-07T10:00:00Z");
        options.put("verificationMethod", holder.method());
        options.put("proofPurpose", "authentication");
        options.put("challenge", challenge);
        if (domain != null) {
            options.put("domain", domain);
        }
        byte[] signature = DataIntegrityProofs.ed25519Sign(
                DataIntegrityProofs.hashData(vp, options), signer.keys().getPrivate());
        Map<String, Object> proof = new LinkedHashMap<>(options);
        proof.put("proofValue", Multibase.BASE_58_BTC.encode(signature));
        vp.put("proof", proof);
        return vp;
    }

    static Map<String, Object> didAuth(Wallet wallet, String challenge) {
        return didAuth(wallet, wallet, challenge, null, null);
    }

    HttpResponse<String> postToExchange(String url, Object body) {
        return postRaw(url, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    HttpResponse<String> postRaw(String url, String body) {
        return LtiClient.withoutCookies(port)
                .send(
                        "POST",
                        path(url),
                        body,
                        Map.of("Content-Type", "application/json", "Accept", "application/json"));
    }

    String path(String url) {
        String origin = "http://localhost:" + port;
        assertThat(url).startsWith(origin);
        return url.substring(origin.length());
    }

    record Offer(String universal, String deep, Map<String, String> params, String qr) {
        String exchange() {
            return params.get("vc_request_url");
        }

        String challenge() {
            return params.get("challenge");
        }
    }

    /** The learner's « Ajouter au Learner Credential Wallet » button, submitted as a browser does. */
    Offer askForLink(LtiClient learner, String sub, String credentialId) throws Exception {
        var page = learner.get("/app/learners/" + sub + "/credentials");
        assertThat(page.statusCode()).isEqualTo(200);
        Element item = Jsoup.parse(page.body()).getElementById("credential-" + credentialId);
        Element form = item.selectFirst(".credential-lcw form");
        assertThat(form).as("the learner's button").isNotNull();
        assertThat(form.selectFirst("button").text()).isEqualTo("Ajouter au Learner Credential Wallet");
        String action = form.attr("action");
        assertThat(action).isEqualTo("/app/learners/" + sub + "/credentials/" + credentialId + "/wallet#lcw-offer");
        String csrf = form.selectFirst("input[name=_csrf]").attr("value");
        String target = action.substring(0, action.indexOf('#'));
        Map<String, String> headers =
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        // Without its token the form is refused.
        assertThat(learner.send("POST", target, "", headers).statusCode()).isEqualTo(403);
        var answered = learner.send("POST", target, LtiClient.form(Map.of("_csrf", csrf)), headers);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Element offer = Jsoup.parse(answered.body()).getElementById("lcw-offer");
        assertThat(offer).isNotNull();
        assertThat(offer.closest("#credential-" + credentialId)).isNotNull();
        String universal = offer.selectFirst("a.lcw-universal").attr("href");
        String deep = offer.selectFirst("a.lcw-scheme").attr("href");
        assertThat(offer.selectFirst("a.lcw-universal").text()).isEqualTo("Ouvrir dans Learner Credential Wallet");
        assertThat(offer.text()).contains("expire dans 15 minutes");
        String qr = QrCodesTest.decode(offer.selectFirst("img.lcw-qr").attr("src"));
        return new Offer(universal, deep, LtiClient.queryOf(deep), qr);
    }

    String credentialOf(LtiClient client, String sub) {
        var listed = client.get("/api/v1/learners/" + sub + "/credentials");
        assertThat(listed.statusCode()).isEqualTo(200);
        return Json.read(listed.body()).get(0).get("id").asString();
    }

    long session(AgsCourse course, String... candidates) {
        var created = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Lyon, OPCO\", \"members\": " + CredentialsTest.MEMBERS
                        + ", \"candidates\": [\"" + String.join("\",\"", candidates) + "\"]}",
                course.trainerHeaders);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("id").asLong();
    }

    void validate(AgsCourse course, long session, String learner, String bloc) {
        var decided = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions/" + session + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"" + bloc + "\", \"outcome\": \"VALIDE\","
                        + " \"votesFor\": 3, \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Motif\"}",
                course.trainerHeaders);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    boolean spent(String exchangeUrl) {
        UUID id = UUID.fromString(exchangeUrl.substring(exchangeUrl.lastIndexOf('/') + 1));
        return jdbc.sql("select used_at is not null from wallet_offer where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    @Test
    void theLearnersWalletClaimsItsCredentialOnceWithItsDidKey() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "lea", "noe");
        long session = session(course, "lea", "noe");
        validate(course, session, "lea", "B1");
        validate(course, session, "noe", "B1");
        LtiClient lea = course.learner("lea");
        LtiClient noe = course.learner("noe");
        String leaCredential = credentialOf(lea, "lea");
        String noeCredential = credentialOf(noe, "noe");
        int copiesBefore = count("wallet_credential");

        // The évaluateur habilité sees the candidate's credentials but hands none to a wallet.
        var trainerPage = course.trainer.get("/app/learners/lea/credentials");
        assertThat(Jsoup.parse(trainerPage.body()).select(".credential-lcw form"))
                .isEmpty();
        Map<String, String> trainerForm = new LinkedHashMap<>(course.trainerHeaders);
        trainerForm.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(course.trainer
                        .send("POST", "/app/learners/lea/credentials/" + leaCredential + "/wallet", "", trainerForm)
                        .statusCode())
                .isEqualTo(403);
        // Nor does a learner hand another's.
        var page = noe.get("/app/learners/noe/credentials");
        Map<String, String> noeForm = new LinkedHashMap<>(AgsCourse.headers(noe, "application/x-www-form-urlencoded"));
        assertThat(noe.send("POST", "/app/learners/lea/credentials/" + leaCredential + "/wallet", "", noeForm)
                        .statusCode())
                .isIn(403, 404);
        assertThat(noe.send("POST", "/app/learners/noe/credentials/" + leaCredential + "/wallet", "", noeForm)
                        .statusCode())
                .isIn(403, 404);
        assertThat(page.statusCode()).isEqualTo(200);

        // lea asks for her link: LCW's universal page and its own scheme, the same request, the QR code the latter.
        Offer offer = askForLink(lea, "lea", leaCredential);
        String base = "http://localhost:" + port;
        assertThat(offer.universal()).startsWith("https://lcw.app/request.html?");
        assertThat(offer.deep()).startsWith("dccrequest://request?");
        assertThat(offer.universal().substring(offer.universal().indexOf('?')))
                .isEqualTo(offer.deep().substring(offer.deep().indexOf('?')));
        assertThat(offer.qr()).isEqualTo(offer.deep());
        assertThat(offer.params()).containsEntry("issuer", base).containsEntry("auth_type", "bearer");
        assertThat(offer.exchange()).startsWith(base + "/credentials/exchanges/");
        assertThat(offer.challenge()).matches("[A-Za-z0-9_-]{43}");
        // Only the challenge's SHA-256 is stored.
        byte[] stored = jdbc.sql("select challenge_hash from wallet_offer where id = :id")
                .param(
                        "id",
                        UUID.fromString(
                                offer.exchange().substring(offer.exchange().lastIndexOf('/') + 1)))
                .query(byte[].class)
                .single();
        assertThat(stored)
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(offer.challenge().getBytes(StandardCharsets.UTF_8)));
        Offer noeOffer = askForLink(noe, "noe", noeCredential);

        Wallet wallet = Wallet.create();
        Wallet thief = Wallet.create();
        // Refused, nothing spent nor stored: another key signing for the holder, another learner's challenge, a
        // wrong challenge, a domain not ours, an unsupported proof, junk, the wrong method.
        for (Object refused : List.of(
                didAuth(wallet, thief, offer.challenge(), null, null),
                didAuth(wallet, "not-" + offer.challenge()),
                didAuth(wallet, noeOffer.challenge()),
                didAuth(wallet, wallet, offer.challenge(), null, "https://evil.example"),
                didAuth(wallet, wallet, offer.challenge(), "ecdsa-rdfc-2019", null))) {
            var answer = postToExchange(offer.exchange(), refused);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.body()).doesNotContain(offer.challenge()).doesNotContain("OpenBadgeCredential");
        }
        Map<String, Object> otherHolder = new LinkedHashMap<>(didAuth(wallet, offer.challenge()));
        otherHolder.put("holder", thief.did());
        assertThat(postToExchange(offer.exchange(), otherHolder).statusCode()).isEqualTo(401);
        // noe's own challenge does not fetch lea's credential, nor lea's hers.
        assertThat(postToExchange(offer.exchange(), didAuth(thief, noeOffer.challenge()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(postToExchange(noeOffer.exchange(), didAuth(wallet, offer.challenge()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(postRaw(offer.exchange(), "not json").statusCode()).isEqualTo(400);
        assertThat(postRaw(offer.exchange(), "{}").statusCode()).isEqualTo(400);
        assertThat(postRaw(offer.exchange(), "[1]").statusCode()).isEqualTo(400);
        assertThat(postRaw(offer.exchange(), "{\"verifiablePresentation\": 3}").statusCode())
                .isEqualTo(400);
        assertThat(postRaw(offer.exchange(), "x".repeat(70_000)).statusCode()).isEqualTo(413);
        assertThat(postToExchange(
                                base + "/credentials/exchanges/" + UUID.randomUUID(),
                                didAuth(wallet, offer.challenge()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(LtiClient.withoutCookies(port).get(path(offer.exchange())).statusCode())
                .isEqualTo(405);
        assertThat(spent(offer.exchange())).isFalse();
        assertThat(count("wallet_credential")).isEqualTo(copiesBefore);

        // The wallet's DIDAuth: the credential, bound to its DID, signed, with its own status entry.
        var claimed = postToExchange(offer.exchange(), didAuth(wallet, offer.challenge()));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode copy = JSON.readTree(claimed.body());
        JsonNode original = JSON.readTree(
                credentials.find(UUID.fromString(leaCredential)).orElseThrow().json());
        assertThat(copy.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(copy.at("/credentialSubject/id").asString()).isEqualTo(wallet.did());
        assertThat(copy.at("/credentialSubject/achievement")).isEqualTo(original.at("/credentialSubject/achievement"));
        assertThat(copy.at("/credentialSubject/identifier")).isEqualTo(original.at("/credentialSubject/identifier"));
        assertThat(copy.get("issuer")).isEqualTo(original.get("issuer"));
        assertThat(copy.get("validFrom")).isEqualTo(original.get("validFrom"));
        assertThat(copy.get("id").asString()).startsWith("urn:uuid:");
        assertThat(copy.at("/credentialStatus/statusListIndex").asString())
                .isNotEqualTo(original.at("/credentialStatus/statusListIndex").asString());
        assertThat(CredentialsTest.verifiesIndependently(copy)).isTrue();
        assertThat(DataIntegrityProofs.verify(JSON.readValue(claimed.body(), LinkedHashMap.class)))
                .isTrue();
        // Stored as issued, with its VC-JWT (verified with the key its kid URL serves, sub the wallet's DID).
        Map<String, Object> row = jdbc.sql("select json, jwt, holder_did from wallet_credential where id = :id")
                .param("id", UUID.fromString(copy.get("id").asString().substring("urn:uuid:".length())))
                .query()
                .singleRow();
        assertThat(row.get("json")).isEqualTo(claimed.body());
        assertThat(row.get("holder_did")).isEqualTo(wallet.did());
        JWSObject jws = JWSObject.parse((String) row.get("jwt"));
        String kid = jws.getHeader().getKeyID();
        RSAKey key = (RSAKey) JWK.parse(browser().get(path(kid)).body());
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("sub", wallet.did());
        assertThat(spent(offer.exchange())).isTrue();

        // In the learner's personal data archive: the copy, its wallet's DID, its files.
        HttpResponse<byte[]> zip = lea.getBytes("/app/me/archive");
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        JsonNode handed = JSON.readTree(entries.get("personal-data.json")).at("/credentials/handedToWallets/0");
        assertThat(handed.get("holder_did").asString()).isEqualTo(wallet.did());
        assertThat(handed.get("original").asString()).isEqualTo(leaCredential);
        assertThat(new String(
                        entries.get("credentials/wallet/" + handed.get("id").asString() + ".json"),
                        StandardCharsets.UTF_8))
                .isEqualTo(claimed.body());

        // Once only: the same presentation again, or another wallet with the same challenge.
        var again = postToExchange(offer.exchange(), didAuth(wallet, offer.challenge()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(postToExchange(offer.exchange(), didAuth(thief, offer.challenge()))
                        .statusCode())
                .isEqualTo(409);
        assertThat(count("wallet_credential")).isEqualTo(copiesBefore + 1);
        // The copy is never changed.
        assertThatThrownBy(() -> jdbc.sql("update wallet_credential set holder_did = 'did:key:z6Mkx'")
                        .update())
                .rootCause()
                .hasMessageContaining("never changed");

        // Expired after 15 minutes: refused, not spent.
        Offer late = askForLink(lea, "lea", leaCredential);
        jdbc.sql("update wallet_offer set created_at = now() - interval '20 minutes',"
                        + " expires_at = now() - interval '5 minutes' where id = :id")
                .param(
                        "id",
                        UUID.fromString(
                                late.exchange().substring(late.exchange().lastIndexOf('/') + 1)))
                .update();
        assertThat(postToExchange(late.exchange(), didAuth(wallet, late.challenge()))
                        .statusCode())
                .isEqualTo(410);
        assertThat(spent(late.exchange())).isFalse();

        // The VC-API form, eddsa-rdfc-2022 with our domain: the credential inside a presentation.
        Offer vcApi = askForLink(lea, "lea", leaCredential);
        Wallet second = Wallet.create();
        var wrapped = postToExchange(
                vcApi.exchange(),
                Map.of("verifiablePresentation", didAuth(second, second, vcApi.challenge(), "eddsa-rdfc-2022", base)));
        assertThat(wrapped.statusCode()).as(wrapped.body()).isEqualTo(200);
        JsonNode inside = JSON.readTree(wrapped.body()).at("/verifiablePresentation/verifiableCredential/0");
        assertThat(inside.at("/credentialSubject/id").asString()).isEqualTo(second.did());
        assertThat(CredentialsTest.verifiesIndependently(inside)).isTrue();

        // A presentation in the VC 1.1 data model (older versions of Digital Bazaar's vc library made those).
        Offer v1 = askForLink(lea, "lea", leaCredential);
        var older = postToExchange(
                v1.exchange(),
                didAuth(
                        second,
                        second,
                        v1.challenge(),
                        null,
                        null,
                        List.of(JsonLdContexts.VC_V1, JsonLdContexts.ED25519_2020)));
        assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
        assertThat(JSON.readTree(older.body()).at("/credentialSubject/id").asString())
                .isEqualTo(second.did());

        // Revoked with the original: the status list reports the copies revoked; an outstanding link no longer works,
        // and the page offers no more.
        Offer pending = askForLink(lea, "lea", leaCredential);
        assertThat(revoked(copy)).isFalse();
        assertThat(credentials.revoke(UUID.fromString(leaCredential), "Erreur matérielle", "admin"))
                .isTrue();
        assertThat(revoked(copy)).isTrue();
        assertThat(revoked(inside)).isTrue();
        assertThat(postToExchange(pending.exchange(), didAuth(wallet, pending.challenge()))
                        .statusCode())
                .isEqualTo(410);
        assertThat(spent(pending.exchange())).isFalse();
        assertThat(Jsoup.parse(lea.get("/app/learners/lea/credentials").body())
                        .select("#credential-" + leaCredential + " .credential-lcw form"))
                .isEmpty();
        // noe's own challenge still fetches her credential, to her wallet.
        var noeClaimed = postToExchange(noeOffer.exchange(), didAuth(thief, noeOffer.challenge()));
        assertThat(noeClaimed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(noeClaimed.body()).at("/credentialSubject/identifier"))
                .isEqualTo(JSON.readTree(credentials
                                .find(UUID.fromString(noeCredential))
                                .orElseThrow()
                                .json())
                        .at("/credentialSubject/identifier"));
    }

    @Test
    void theClrCertificateGoesToTheWalletBoundToItsDidWithItsBlocsAsIssued() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "wendy");
        long session = session(course, "wendy");
        for (String bloc : List.of("B1", "B2", "B3", "B4")) {
            validate(course, session, "wendy", bloc);
        }
        LtiClient wendy = course.learner("wendy");
        var listed = wendy.get("/api/v1/learners/wendy/credentials");
        String certificate = null;
        for (JsonNode c : Json.read(listed.body())) {
            if (c.get("blocCode").asString().equals("CERTIFICATE")) {
                certificate = c.get("id").asString();
            }
        }
        assertThat(certificate).isNotNull();
        Offer offer = askForLink(wendy, "wendy", certificate);
        Wallet wallet = Wallet.create();
        var claimed = postToExchange(offer.exchange(), didAuth(wallet, offer.challenge()));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        JsonNode copy = JSON.readTree(claimed.body());
        JsonNode original = JSON.readTree(
                credentials.find(UUID.fromString(certificate)).orElseThrow().json());
        assertThat(copy.get("type").toString()).contains("ClrCredential");
        assertThat(copy.at("/credentialSubject/id").asString()).isEqualTo(wallet.did());
        assertThat(copy.at("/credentialSubject/verifiableCredential"))
                .isEqualTo(original.at("/credentialSubject/verifiableCredential"));
        assertThat(CredentialsTest.verifiesIndependently(copy)).isTrue();
    }

    /** The bit of a credential's status entry in the list it names, the list's own proof checked. */
    boolean revoked(JsonNode credential) throws Exception {
        String url = credential.at("/credentialStatus/statusListCredential").asString();
        int index = Integer.parseInt(
                credential.at("/credentialStatus/statusListIndex").asString());
        var response = browser().get(path(url), Map.of("Accept", "application/ld+json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(CredentialsTest.verifiesIndependently(list)).isTrue();
        String encoded = list.at("/credentialSubject/encodedList").asString();
        byte[] bits;
        try (var gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /**
     * The Ed25519Signature2020 recipe the DIDAuth check uses (SHA-256 of the canonical proof options with the
     * document's context, then of the canonical document) reproduces Digital Bazaar's own test vector (the library LCW
     * signs with): digitalbazaar/ed25519-signature-2020, test/test-vectors.js, commit e482a157.
     */
    @Test
    void ed25519Signature2020AsDigitalBazaarSignsIt() throws Exception {
        String vector = """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2",
                  "https://w3id.org/security/suites/ed25519-2020/v1"],
                 "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
                 "type": ["VerifiableCredential", "AlumniCredential"],
                 "name": "Alumni Credential",
                 "description": "A minimum viable example of an Alumni Credential.",
                 "issuer": "https://vc.example/issuers/5678",
                 "validFrom": "2023-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
                 "proof": {"type": "Ed25519Signature2020", "created": "2023-02-24T23:36:38Z",
                   "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                   "proofPurpose": "assertionMethod",
                   "proofValue": "z57Mm1vboMtZiCyJ4aReZsv8co4Re64Y8GEjL1ZARzMbXZgkARFLqFs1P345NpPGG2hgCrS4nNdvJhpwnrNyG3kEF"}}""";
        assertThat(verifiesAsSignature2020(vector)).isTrue();
        assertThat(verifiesAsSignature2020(vector.replace("The School of Examples", "The School of Forgeries")))
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    static boolean verifiesAsSignature2020(String signed) throws Exception {
        Map<String, Object> document = JSON.readValue(signed, LinkedHashMap.class);
        Map<String, Object> proof = new LinkedHashMap<>((Map<String, Object>) document.remove("proof"));
        String proofValue = (String) proof.remove("proofValue");
        proof.put("@context", document.get("@context"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] proofHash = sha.digest(canonicalWithExamples(JSON.writeValueAsString(proof)));
        byte[] documentHash = sha.digest(canonicalWithExamples(JSON.writeValueAsString(document)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(Ed25519Keys.resolveDidKey((String) proof.get("verificationMethod")));
        verifier.update(proofHash);
        verifier.update(documentHash);
        return verifier.verify(Multibase.BASE_58_BTC.decode(proofValue));
    }

    /** RDFC-1.0 with the bundled contexts and, for the vector only, the VC 2.0 examples context. */
    static byte[] canonicalWithExamples(String jsonLd) throws Exception {
        String examples = "https://www.w3.org/ns/credentials/examples/v2";
        DocumentLoader loader = (url, options) -> {
            if (url.toString().equals(examples)) {
                JsonDocument document = JsonDocument.of(new StringReader(
                        "{\"@context\": {\"@vocab\": \"https://www.w3.org/ns/credentials/examples#\"}}"));
                document.setDocumentUrl(URI.create(examples));
                return (Document) document;
            }
            return JsonLdContexts.BUNDLED.loadDocument(url, options);
        };
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd))).loader(loader).provide(canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
