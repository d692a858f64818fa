package fr.cqpi.course;

import java.util.Map;

/** A placement of the tool in a course, with the custom parameters and line item of its last launch. */
public record ResourceLink(long id, String linkId, String title, Map<String, String> custom, String agsLineItem) {}
