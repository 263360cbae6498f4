package com.dealbridge.contracts.serde;

import com.dealbridge.contracts.avro.SharedDealAssigned;
import com.dealbridge.contracts.golden.GoldenSamples;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs in a child JVM started by {@link AvroCodecTest} without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 * First shows that plain Avro refuses the generated classes there (otherwise the check would prove nothing), then
 * that {@link AvroCodec} decodes every contract type. Prints its findings; exit code 0 means both held.
 */
public final class UntrustedJvmDecodeCheck {

    private UntrustedJvmDecodeCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") != null) {
            System.out.println("the trusted packages property is set; this check needs a JVM without it");
            System.exit(2);
        }
        // Newest version: the generated decoder knows only the current schema (SchemaCatalog does not trigger trust).
        int newest = SchemaCatalog.load().releasedVersions(SharedDealAssigned.getClassSchema().getFullName()).size();
        byte[] assigned = GoldenSamples.bytes("SharedDealAssigned", newest);
        try {
            SharedDealAssigned.getDecoder().decode(assigned);
            System.out.println("plain Avro decoded without trust: nothing to prove");
            System.exit(3);
        } catch (SecurityException e) {
            System.out.println("plain Avro refused: " + e);
        }
        int decoded = 0;
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            SpecificRecord record = AvroCodec.decode(AvroCodec.encode(GoldenSamples.sample(type)));
            if (!type.isInstance(record)) {
                System.out.println("decoded " + record.getClass() + " for " + type);
                System.exit(4);
            }
            decoded++;
        }
        System.out.println("AvroCodec decoded: " + decoded);
    }
}
