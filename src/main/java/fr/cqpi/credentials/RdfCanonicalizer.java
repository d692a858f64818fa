package fr.cqpi.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Pattern;

/**
 * A JSON-LD document as canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0), with the bundled contexts. What
 * JSON-LD safe mode refuses (the DCC's and Digital Bazaar's verifiers run in it) is refused here rather than dropped: a
 * property no context defines, a type or an id that expands to no absolute IRI. So what is signed is exactly what
 * the JSON says, and outside verifiers canonicalize it as we do. Credentials embedded as issued (a CLR's
 * {@code verifiableCredential}, a named graph) are not checked for IRIs again: one issued before this check keeps its
 * form, and refusing it here would refuse the learner their certificate.
 */
final class RdfCanonicalizer {

    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|_:).*", Pattern.DOTALL);

    private RdfCanonicalizer() {}

    static String canonicalize(String jsonLd) {
        try {
            JsonLdOptions options = new JsonLdOptions();
            options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
            JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(jsonLd)))
                    .options(options)
                    .loader(JsonLdContexts.BUNDLED)
                    .get();
            refuseRelativeIris(expanded);
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
            StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalArgumentException("Not canonicalizable as JSON-LD: " + e.getMessage(), e);
        }
    }

    private static void refuseRelativeIris(JsonValue expanded) {
        if (expanded instanceof JsonArray array) {
            array.forEach(RdfCanonicalizer::refuseRelativeIris);
        } else if (expanded instanceof JsonObject object) {
            object.forEach((key, value) -> {
                if (key.equals("@type") || key.equals("@id")) {
                    if (value instanceof JsonArray iris) {
                        iris.forEach(RdfCanonicalizer::absolute);
                    } else {
                        absolute(value);
                    }
                } else if (!key.equals("@graph")) {
                    refuseRelativeIris(value);
                }
            });
        }
    }

    private static void absolute(JsonValue iri) {
        String text = iri instanceof JsonString string ? string.getString() : iri.toString();
        if (!ABSOLUTE_IRI.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "Not canonicalizable as JSON-LD: \"" + text + "\" is no absolute IRI (no context defines it)");
        }
    }
}
