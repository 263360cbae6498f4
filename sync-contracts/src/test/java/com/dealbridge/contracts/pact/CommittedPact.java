package com.dealbridge.contracts.pact;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a Pact consumer test: after Pact wrote the pact file, it must equal the committed one in
 * {@code contracts/pacts}, which the providers verify. Declare it before {@code PactConsumerTestExt} so it runs
 * after Pact's own after-all (extensions run their after-all callbacks in reverse order).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CommittedPactCheck.class)
public @interface CommittedPact {

    /** The pact file's name, {@code <consumer>-<provider>.json}. */
    String value();
}
