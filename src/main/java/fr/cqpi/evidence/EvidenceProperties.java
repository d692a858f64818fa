package fr.cqpi.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest evidence file accepted (the multipart limit of uploads follows it)
 * @param maxPerLearner how many evidence items (not withdrawn) one learner's file may hold
 */
@ConfigurationProperties("cqpi.evidence")
public record EvidenceProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("200") int maxPerLearner) {}
