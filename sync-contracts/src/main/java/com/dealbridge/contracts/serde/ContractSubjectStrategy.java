package com.dealbridge.contracts.serde;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Where Apicurio's serializer looks up a record's schema: group {@code default}, artifactId = the record's full name.
 * That is what a subject registered through the Confluent API becomes ({@code tools.SchemaRegistration} registers
 * {@code com.dealbridge.contracts.avro.SharedNoteAdded}); Apicurio's own {@code RecordIdStrategy} would look under
 * group = namespace, artifactId = simple name and find nothing (docs/adr/0011). Instantiated by Apicurio by class name.
 */
public class ContractSubjectStrategy implements ArtifactReferenceResolverStrategy<Schema, Object> {

    static final String GROUP = "default";

    @Override
    public ArtifactReference artifactReference(Record<Object> data, ParsedSchema<Schema> parsedSchema) {
        Schema schema = parsedSchema == null ? null : parsedSchema.getParsedSchema();
        if (schema == null || schema.getType() != Schema.Type.RECORD) {
            throw new SerializationException("Only Avro records travel on dealbridge topics, got " + schema);
        }
        return ArtifactReference.builder().groupId(GROUP).artifactId(schema.getFullName()).build();
    }
}
