package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.domain.Origin;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import tools.jackson.databind.JsonNode;

/** What the collaboration end-to-end tests do again and again: deals, notes, files, and looking into the stores. */
final class CollaborationSteps {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final DealbridgeSystem system;

    CollaborationSteps(DealbridgeSystem system) {
        this.system = system;
    }

    /** A deal the partner registered, once the CRM has assigned it a rep (so both sides hold it). */
    String registerOnPartner(PartnerUser user, String dealName) {
        String contact = ok(system.partner().post("/api/contacts", user.token(), Map.of("firstName", "Carla",
                "lastName", "Contact", "email", "carla@customer.test")), 201).json("/id");
        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                RegistrationSteps.registration("CONTACT", contact, dealName)), 201).json("/id");
        await().atMost(WAIT).until(() -> system.partner().get("/api/shared-deals/" + id, user.token())
                .json("/assignedRep/id") != null);
        return id;
    }

    /** The shared deal as {@code api}'s side answers it, once it exists there and meets {@code condition}. */
    static ApiResponse awaitSharedDeal(ApiClient api, String token, String id, Predicate<ApiResponse> condition) {
        return await().atMost(WAIT).until(() -> api.get("/api/shared-deals/" + id, token),
                response -> response.status() == 200 && condition.test(response));
    }

    /** A registered deal with one shared note, written on one side and already seen on the other. */
    record NotedDeal(PartnerUser user, String id, String noteId) {
    }

    NotedDeal notedDeal(String partnerName, String dealName, Rep rep, Origin writer, String noteBody) {
        PartnerUser user = system.newPartner(partnerName, 5);
        String id = registerOnPartner(user, dealName);
        boolean partnerWrites = writer == Origin.PARTNER;
        String noteId = addNote(partnerWrites ? system.partner() : system.crm(),
                partnerWrites ? user.token() : rep.token(), id, noteBody);
        awaitNotes(partnerWrites ? system.crm() : system.partner(), partnerWrites ? rep.token() : user.token(), id,
                items -> items.size() == 1);
        return new NotedDeal(user, id, noteId);
    }

    static String notes(String dealId) {
        return "/api/shared-deals/" + dealId + "/shared-notes";
    }

    static String note(String dealId, String noteId) {
        return notes(dealId) + "/" + noteId;
    }

    static String attachment(String dealId, String noteId, String attachmentId) {
        return note(dealId, noteId) + "/attachments/" + attachmentId;
    }

    static String addNote(ApiClient api, String token, String dealId, String body) {
        return ok(api.post(notes(dealId), token, Map.of("body", body)), 201).json("/id");
    }

    /** Waits until the note list on one side satisfies the condition; answers the list. */
    static JsonNode awaitNotes(ApiClient api, String token, String dealId, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            ApiResponse list = api.get(notes(dealId), token);
            seen[0] = list.status() == 200 ? list.node("/items") : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }

    static JsonNode noteIn(JsonNode items, String noteId) {
        for (JsonNode item : items) {
            if (noteId.equals(item.get("id").asString())) {
                return item;
            }
        }
        return null;
    }

    /** Waits until one side shows the attachment with this status; answers the attachment. */
    static JsonNode awaitAttachment(ApiClient api, String token, String dealId, String noteId, String attachmentId,
                                    String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            ApiResponse note = api.get(note(dealId, noteId), token);
            if (note.status() != 200) {
                return false;
            }
            for (JsonNode a : note.node("/attachments")) {
                if (attachmentId.equals(a.get("id").asString()) && status.equals(a.get("status").asString())) {
                    seen[0] = a;
                    return true;
                }
            }
            return false;
        });
        return seen[0];
    }

    /**
     * A well-formed PNG of exactly {@code size} bytes (at least 57): IHDR, one IDAT of random bytes, IEND, each with
     * its CRC, so it passes the upload's whole-file check; random after the headers, so no two are alike.
     */
    static byte[] png(int size, long seed) {
        byte[] data = new byte[size - 57]; // signature 8 + IHDR 25 + IDAT 12 + data + IEND 12
        new Random(seed).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many stored files (GridFS) and received-but-unassembled chunks one side's store holds for this id. */
    static long storedPieces(String mongoUri, String database, String attachmentId) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var db = client.getDatabase(database);
            return db.getCollection("attachments.files").countDocuments(Filters.eq("_id", attachmentId))
                    + db.getCollection("attachments.chunks").countDocuments(Filters.eq("files_id", attachmentId))
                    + db.getCollection("attachment_chunks").countDocuments(Filters.eq("attachmentId", attachmentId));
        }
    }

    /** Whether a GridFS file with this id is stored on one side. */
    static boolean fileStored(String mongoUri, String database, String attachmentId) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return client.getDatabase(database).getCollection("attachments.files")
                    .countDocuments(Filters.eq("_id", attachmentId)) == 1;
        }
    }
}
