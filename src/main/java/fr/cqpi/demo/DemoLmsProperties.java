package fr.cqpi.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lmsHost  host name the demo LMS is reached at; a different site from toolHost makes the tool a
 *                 third-party iframe, as in a real LMS (e.g. 127.0.0.1 vs localhost)
 * @param toolHost host name of the tool as the demo LMS links to it
 * @param seedCohort whether a new demo course starts with learners already judged at different stages
 * @param scheme   {@code https} when the server itself is on TLS (the production path's browser tests)
 */
@ConfigurationProperties("cqpi.demo")
record DemoLmsProperties(
        @DefaultValue("localhost") String lmsHost,
        @DefaultValue("localhost") String toolHost,
        @DefaultValue("true") boolean seedCohort,
        @DefaultValue("http") String scheme) {}
