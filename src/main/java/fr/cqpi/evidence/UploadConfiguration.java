package fr.cqpi.evidence;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Uploads (evidence files) follow the evidence size limit: a larger file is refused while it is read, with room in
 * the request for the form's few fields.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties evidence) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(evidence.maxFileSize());
        factory.setMaxRequestSize(DataSize.ofBytes(
                evidence.maxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
