package fr.cqpi.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON-LD contexts the credentials use, bundled with the tool (copies of the published files, see
 * {@code src/main/resources/credentials/contexts/README.md}); a document naming any other context is refused: nothing
 * is ever fetched over the network.
 */
final class JsonLdContexts implements DocumentLoader {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String CLR_V2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    /** Defines {@code 1EdTechJsonSchemaValidator2019}, the type of {@code credentialSchema}. */
    static final String OB_V3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /** The contexts a wallet's DIDAuth presentation may name (VC 1.1, the Ed25519Signature2020 suite). */
    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";

    static final String ED25519_2020 = "https://w3id.org/security/suites/ed25519-2020/v1";

    static final JsonLdContexts BUNDLED = new JsonLdContexts(Map.of(
            VC_V2, "credentials/contexts/credentials-v2.jsonld",
            OB_V3, "credentials/contexts/ob-context-3.0.3.json",
            CLR_V2, "credentials/contexts/clr-context-2.0.1.json",
            OB_V3_EXTENSIONS, "credentials/contexts/ob-extensions.json",
            VC_V1, "credentials/contexts/credentials-v1.jsonld",
            ED25519_2020, "credentials/contexts/ed25519-signature-2020-v1.jsonld"));

    private final Map<String, String> resources;
    private final Map<String, Document> loaded = new ConcurrentHashMap<>();

    private JsonLdContexts(Map<String, String> resources) {
        this.resources = resources;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String resource = resources.get(url.toString());
        if (resource == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Context not bundled: " + url);
        }
        return loaded.computeIfAbsent(url.toString(), key -> read(resource, url));
    }

    private static Document read(String resource, URI url) {
        try (InputStream in = JsonLdContexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled context " + resource);
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("Unreadable bundled context " + resource, e);
        }
    }
}
