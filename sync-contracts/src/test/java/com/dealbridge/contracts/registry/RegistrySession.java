package com.dealbridge.contracts.registry;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.tools.SchemaRegistration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test JVM that links this test-jar the real registry before its first test: starts the JVM's
 * {@link RegistryProcess}, registers the contract schemas the way a deployment does (so the services' serializers,
 * which do not auto-register, find them) and publishes the URL as the system property the services and
 * {@link AvroCodec} read. Registered through {@code META-INF/services}.
 */
public class RegistrySession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(AvroCodec.REGISTRY_URL_PROPERTY) != null) {
            return;
        }
        RegistryProcess registry = RegistryProcess.shared();
        new SchemaRegistration(registry.ccompatApi()).registerAll();
        System.setProperty(AvroCodec.REGISTRY_URL_PROPERTY, registry.baseUrl().toString());
    }
}
