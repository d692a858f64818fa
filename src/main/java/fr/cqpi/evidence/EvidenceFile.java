package fr.cqpi.evidence;

/** The bytes of an evidence file, with the name and the type detected when it was uploaded. */
public record EvidenceFile(String fileName, String contentType, byte[] bytes) {}
