package com.dealbridge.contracts.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro record as the plain JSON a message contract (Pact) describes: field names as in the schema, the
 * schema's raw values (a {@code timestamp-millis} is its epoch-millisecond long, bytes are base64), unions
 * unwrapped. Deliberately independent of the wire framing (single-object or Confluent's header): the contract is
 * about what the producer puts in the record and what the consumer reads from it. Both directions go through Avro
 * binary with the record's schema, so the consumer side gets exactly the record its deserializer would hand over.
 */
public final class RecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /** The record as contract JSON. */
    public static String toJson(SpecificRecord record) {
        GenericRecord raw = rawCopy(record);
        try {
            return MAPPER.writeValueAsString(node(raw, record.getSchema()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract JSON as the generated record of {@code schema}; a field the JSON lacks takes its default. */
    public static <T extends SpecificRecord> T fromJson(String json, Schema schema) {
        try {
            Object raw = datum(MAPPER.readTree(json), schema);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<Object>(schema).write(raw, encoder);
            encoder.flush();
            SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, SpecificData.getForSchema(schema));
            return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record re-read without logical-type conversions, so every value is the schema's raw one. */
    private static GenericRecord rawCopy(SpecificRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(record.getSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(Object value, Schema schema) {
        switch (schema.getType()) {
            case NULL:
                return NODES.nullNode();
            case UNION:
                return node(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case RECORD: {
                ObjectNode object = NODES.objectNode();
                GenericRecord record = (GenericRecord) value;
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), node(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Iterable<?>) value) {
                    array.add(node(item, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> object.set(k.toString(), node(v, schema.getValueType())));
                return object;
            }
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case FIXED:
                return NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes()));
            case INT:
                return NODES.numberNode((Integer) value);
            case LONG:
                return NODES.numberNode((Long) value);
            case FLOAT:
                return NODES.numberNode((Float) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            default: // STRING, ENUM
                return NODES.textNode(value.toString());
        }
    }

    private static Object datum(JsonNode node, Schema schema) {
        switch (schema.getType()) {
            case NULL:
                if (node != null && !node.isNull()) {
                    throw new AvroTypeException("expected null, got " + node);
                }
                return null;
            case UNION:
                return unionDatum(node, schema);
            case RECORD: {
                requireType(node, node != null && node.isObject(), schema);
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    JsonNode value = node.get(field.name());
                    record.put(field.pos(), value == null && field.hasDefaultValue()
                            ? GenericData.get().getDefaultValue(field) : datum(value, field.schema()));
                }
                return record;
            }
            case ARRAY: {
                requireType(node, node != null && node.isArray(), schema);
                List<Object> items = new ArrayList<>();
                node.forEach(item -> items.add(datum(item, schema.getElementType())));
                return new GenericData.Array<>(schema, items);
            }
            case MAP: {
                requireType(node, node != null && node.isObject(), schema);
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                fields.forEachRemaining(e -> map.put(e.getKey(), datum(e.getValue(), schema.getValueType())));
                return map;
            }
            case BYTES:
                requireType(node, node != null && node.isTextual(), schema);
                return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
            case FIXED:
                requireType(node, node != null && node.isTextual(), schema);
                return new GenericData.Fixed(schema, Base64.getDecoder().decode(node.asText()));
            case INT:
                requireType(node, node != null && node.canConvertToInt() && node.isIntegralNumber(), schema);
                return node.intValue();
            case LONG:
                requireType(node, node != null && node.isIntegralNumber(), schema);
                return node.longValue();
            case FLOAT:
                requireType(node, node != null && node.isNumber(), schema);
                return node.floatValue();
            case DOUBLE:
                requireType(node, node != null && node.isNumber(), schema);
                return node.doubleValue();
            case BOOLEAN:
                requireType(node, node != null && node.isBoolean(), schema);
                return node.booleanValue();
            case ENUM:
                requireType(node, node != null && node.isTextual() && schema.hasEnumSymbol(node.asText()), schema);
                return new GenericData.EnumSymbol(schema, node.asText());
            default: // STRING
                requireType(node, node != null && node.isTextual(), schema);
                return node.asText();
        }
    }

    /**
     * The first branch the JSON value fits. Records of a union (the snapshot's facts) are told apart by their field
     * names, which must be exactly the branch's: several fact types share their optional fields.
     */
    private static Object unionDatum(JsonNode node, Schema union) {
        AvroTypeException last = null;
        for (Schema branch : union.getTypes()) {
            if (branch.getType() == Schema.Type.RECORD && node != null && node.isObject()
                    && !fieldNames(node).equals(branch.getFields().stream().map(Schema.Field::name)
                            .collect(java.util.stream.Collectors.toSet()))) {
                continue;
            }
            try {
                return datum(node, branch);
            } catch (AvroTypeException e) {
                last = e;
            }
        }
        throw new AvroTypeException("no branch of " + union + " fits " + node + " (" + last.getMessage() + ")");
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void requireType(JsonNode node, boolean fits, Schema schema) {
        if (!fits) {
            throw new AvroTypeException("expected " + schema.getType().getName() + " "
                    + (schema.getName() == null ? "" : schema.getName()) + ", got " + node);
        }
    }
}
