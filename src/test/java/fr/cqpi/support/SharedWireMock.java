package fr.cqpi.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** One WireMock server for the whole test run, playing the LMS side over real HTTP. */
public final class SharedWireMock {

    private static WireMockServer server;

    private SharedWireMock() {}

    public static synchronized WireMockServer get() {
        if (server == null) {
            server = new WireMockServer(options()
                    .dynamicPort()
                    .containerThreads(40)
                    .jettyAcceptors(2)
                    .extensions(MoodleGradebook.INSTANCE));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}
