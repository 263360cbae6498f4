package com.dealbridge.contracts.golden;

import com.dealbridge.contracts.serde.AvroCodec;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One frozen sample message of one released schema version: its Avro JSON encoding (readable) and its single-object
 * bytes exactly as a producer of that version wrote them.
 *
 * @param recordName simple record name, e.g. {@code SharedDealAssigned}
 * @param version released version, from 1
 * @param writerSchema the released schema the sample was written with
 * @param json Avro JSON encoding of the sample under {@code writerSchema}
 * @param bytes single-object encoding (use {@link #bytes()}, which returns a copy)
 */
public record GoldenSample(String recordName, int version, Schema writerSchema, String json, byte[] bytes) {

    /** A copy of the single-object bytes, safe to hand to code under test. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes decoded into today's generated class, the way a consumer of this build sees them. */
    public SpecificRecord decoded() {
        return AvroCodec.decode(bytes);
    }

    @Override
    public String toString() {
        return recordName + " v" + version;
    }
}
