package fr.cqpi.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * A JSON-LD document as canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0), with the bundled contexts. A
 * property no context defines is refused rather than dropped (as verifiers in JSON-LD safe mode do): what is signed
 * is exactly what the JSON says.
 */
final class RdfCanonicalizer {

    private RdfCanonicalizer() {}

    static String canonicalize(String jsonLd) {
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLdOptions options = new JsonLdOptions();
            options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
            JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd)))
                    .options(options)
                    .loader(JsonLdContexts.BUNDLED)
                    .provide(canon);
            StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalArgumentException("Not canonicalizable as JSON-LD: " + e.getMessage(), e);
        }
    }
}
