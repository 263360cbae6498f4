package com.dealbridge.contracts.pact;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader to hand a Pact provider test's {@code MessageTestTarget}, so that Pact looks for the
 * {@code @PactVerifyProvider} methods in the test's own classes directory only.
 *
 * <p>Pact scans for those methods with ClassGraph once per interaction. Given no loader it scans the whole test
 * classpath, opening every jar each time (0.5–2 s per interaction on the 2-core CI machine, most of a provider
 * test's time); given this one it reads one directory. The loader has no parent, so ClassGraph sees nothing
 * else, and it loads every class through the test's own loader, so the methods Pact calls are those of the test
 * class JUnit made (Pact invokes them on the test instance).
 */
public final class ProviderMethodScan extends URLClassLoader {

    private final ClassLoader testLoader;

    private ProviderMethodScan(URL classesDirectory, ClassLoader testLoader) {
        super(new URL[] {classesDirectory}, null);
        this.testLoader = testLoader;
    }

    /** A loader over the directory (or jar) {@code testClass} was loaded from. */
    public static ClassLoader of(Class<?> testClass) {
        URL location = testClass.getProtectionDomain().getCodeSource().getLocation();
        return new ProviderMethodScan(location, testClass.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return testLoader.loadClass(name);
    }
}
