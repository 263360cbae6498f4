package com.dealbridge.crm.pages;

import com.dealbridge.kit.test.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A page test of the workspace: before each test a new rep signs in ({@link #session}), with {@link #fixtures}. */
abstract class WorkspacePageTest {

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    WorkspaceFixtures fixtures;
    PageSession session;

    /** The signed-in rep's name, shown in the pages' header. */
    abstract String repName();

    @BeforeEach
    void signIn() {
        fixtures = new WorkspaceFixtures(port, brokers, repName());
        session = fixtures.session;
    }
}
