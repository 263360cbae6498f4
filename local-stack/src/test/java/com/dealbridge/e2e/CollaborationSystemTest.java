package com.dealbridge.e2e;

import com.dealbridge.e2e.DealbridgeSystem.Rep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Starts one whole system (broker, both stores, both services) per test class, with one sales rep, for the
 * collaboration and repair end-to-end tests.
 */
abstract class CollaborationSystemTest {

    static DealbridgeSystem system;
    static CollaborationSteps steps;
    static Rep rep;

    @BeforeAll
    static void startSystem() {
        system = DealbridgeSystem.start();
        steps = new CollaborationSteps(system);
        rep = system.newRep("Nora Notes");
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }
}
