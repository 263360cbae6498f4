package com.dealbridge.contracts.tools;

import io.apicurio.registry.resolver.SchemaResolverConfig;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.config.IdOption;
import java.net.URI;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads dealbridge events the way a consumer that does not link sync-contracts does: it knows only the registry's
 * URL, fetches each writer schema by the id in the record's Confluent header and decodes into a {@link GenericRecord}
 * (no generated classes). Used by {@link PrintTopic} and by the test that proves other teams' consumers can read the
 * topics.
 */
public final class GenericEventReader implements AutoCloseable {

    private final AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>();

    /** @param registry the registry's base URL, e.g. {@code http://127.0.0.1:8085} */
    public GenericEventReader(URI registry) {
        String base = registry.toString().replaceAll("/+$", "");
        deserializer.configure(Map.of(
                SchemaResolverConfig.REGISTRY_URL, base + "/apis/registry/v2",
                // Confluent framing: a 4-byte id, which the registry's Confluent API hands out as the content id
                SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true,
                SerdeConfig.ENABLE_HEADERS, false,
                SerdeConfig.USE_ID, IdOption.contentId.name()), false);
    }

    /** The record in the value bytes; null for a tombstone. */
    public GenericRecord read(String topic, byte[] value) {
        return value == null ? null : deserializer.deserialize(topic, value);
    }

    /** The record as JSON (Avro's own rendering: unions unwrapped, strings quoted); {@code null} for a tombstone. */
    public String json(String topic, byte[] value) {
        GenericRecord record = read(topic, value);
        return record == null ? "null" : GenericData.get().toString(record);
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
