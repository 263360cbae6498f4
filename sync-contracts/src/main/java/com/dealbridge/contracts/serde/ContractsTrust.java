package com.dealbridge.contracts.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it has not been told to trust. The services also
 * pass {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}, but a forgotten JVM flag must not turn every event into a
 * dead letter, so the codec registers its own package in code. Only the generated package is trusted, nothing wider.
 */
final class ContractsTrust {

    static final String CONTRACTS_PACKAGE = "com.dealbridge.contracts.avro";

    private static boolean registered;

    private ContractsTrust() {
    }

    static boolean trusts(Class<?> type) {
        String packageName = type.getPackageName();
        return packageName.equals(CONTRACTS_PACKAGE) || packageName.startsWith(CONTRACTS_PACKAGE + ".");
    }

    /** Adds the contracts package to whatever is trusted now (keeps the default and any earlier registration). */
    static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityPredicate contracts = ContractsTrust::trusts;
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), contracts));
        registered = true;
    }
}
