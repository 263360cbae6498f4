package com.dealbridge.contracts.tools;

import java.net.URI;

/**
 * Deploy-time command: {@code java -cp sync-contracts.jar:avro.jar:... com.dealbridge.contracts.tools.RegisterSchemas
 * http://registry:8080/apis/ccompat/v7}. Prints one line per subject with its schema ids.
 */
public final class RegisterSchemas {

    private RegisterSchemas() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RegisterSchemas <Confluent API of the registry,"
                    + " e.g. http://127.0.0.1:8085/apis/ccompat/v7>");
            System.exit(2);
        }
        new SchemaRegistration(URI.create(args[0])).registerAll()
                .forEach((subject, ids) -> System.out.println(subject + " " + SchemaRegistration.COMPATIBILITY
                        + " ids " + ids));
    }
}
