package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One change in the journal: the whole new state of a document (PUT), its removal (DELETE), or a dropped
 * collection or database. Physical and idempotent on purpose: replaying a record twice, or replaying a record
 * older than a snapshot's copy of the same document followed by the newer ones, ends in the same state, which is
 * what lets snapshots be taken while writes go on.
 *
 * <p>Framing: {@code int length, int crc32, byte kind, payload}; a record whose length or checksum does not match
 * is the torn tail of a crash and ends the replay of its file.
 */
record JournalRecord(Kind kind, String database, String collection, ByteBuffer key, Document document) {

    enum Kind {
        PUT, DELETE, DROP_COLLECTION, DROP_DATABASE
    }

    /** Four bytes of length, four of checksum. */
    static final int FRAME_OVERHEAD = 8;

    static JournalRecord put(String database, String collection, Object key, Document document) {
        return new JournalRecord(Kind.PUT, database, collection, key(key), document);
    }

    static JournalRecord delete(String database, String collection, Object key) {
        return new JournalRecord(Kind.DELETE, database, collection, key(key), null);
    }

    static JournalRecord dropCollection(String database, String collection) {
        return new JournalRecord(Kind.DROP_COLLECTION, database, collection, null, null);
    }

    static JournalRecord dropDatabase(String database) {
        return new JournalRecord(Kind.DROP_DATABASE, database, "", null, null);
    }

    /**
     * A document's identity as bytes (its id wrapped in a one-field document, BSON-encoded): any BSON type can be
     * an id, and byte equality is exactly "the same id" for records written from the same stored document.
     */
    static ByteBuffer key(Object id) {
        return ByteBuffer.wrap(bson(new Document("k", id)));
    }

    /** The framed bytes of this record. */
    byte[] encode() {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(body);
            out.writeByte(kind.ordinal());
            out.writeUTF(database);
            out.writeUTF(collection);
            if (kind == Kind.PUT || kind == Kind.DELETE) {
                writeBytes(out, key.array());
            }
            if (kind == Kind.PUT) {
                writeBytes(out, bson(document));
            }
            out.flush();
            byte[] payload = body.toByteArray();
            ByteBuffer framed = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
            framed.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload);
            return framed.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one record's payload (the bytes after the frame header). */
    static JournalRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        Kind kind = Kind.values()[in.readUnsignedByte()];
        String database = in.readUTF();
        String collection = in.readUTF();
        ByteBuffer key = kind == Kind.PUT || kind == Kind.DELETE ? ByteBuffer.wrap(readBytes(in)) : null;
        Document document = kind == Kind.PUT ? document(readBytes(in)) : null;
        return new JournalRecord(kind, database, collection, key, document);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static byte[] bson(Document document) {
        ByteBuf buffer = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document document(byte[] bson) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bson);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
