package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.notes.SampleFiles.DOCM_MAIN;
import static com.dealbridge.shareddeal.notes.SampleFiles.DOCX;
import static com.dealbridge.shareddeal.notes.SampleFiles.PPTX;
import static com.dealbridge.shareddeal.notes.SampleFiles.XLSX;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static com.dealbridge.shareddeal.notes.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.CallerResolver;
import com.dealbridge.kit.security.Tokens;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads through the real HTTP endpoint ({@code POST /api/shared-deals/{id}/shared-notes/{noteId}/attachments},
 * multipart, on an embedded Tomcat) on the PARTNER side: whole valid files of every allowed type are attached;
 * refused ones answer 415 (not the type, or never allowed) or 422 (the type, but broken; a file name over the
 * limit), as problem+json naming what is wrong, and leave nothing behind: no attachment on the note and no stored
 * file (GridFS bucket {@code attachments}, files and chunks).
 */
@SpringBootTest(classes = AttachmentUploadIntegrationTest.UploadApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.relay.sweep-interval=300ms",
                "dealbridge.sync.attachments.max-size=2MB",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.mongodb.embedded.database=attachment-uploads",
                "dealbridge.security.admin-token=upload-test-admin",
                "spring.servlet.multipart.max-file-size=3MB",
                "spring.servlet.multipart.max-request-size=3MB",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class AttachmentUploadIntegrationTest {

    private static final String TOKEN = Tokens.PREFIX + "upload-test-partner-user";
    private static final String GRIDFS_FILES = "attachments.files";
    private static final String GRIDFS_CHUNKS = "attachments.chunks";

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    MongoOperations mongo;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    // ---- accepted -------------------------------------------------------------------------------------------

    static Stream<Arguments> validFiles() {
        return Stream.of(
                Arguments.of("floor plan.png", "image/png", SampleFiles.png(300, 200)),
                Arguments.of("photo.jpg", "image/jpeg", SampleFiles.jpeg(300, 200)),
                Arguments.of("chart.gif", "image/gif", SampleFiles.gif(40, 30)),
                Arguments.of("logo.webp", "image/webp", SampleFiles.webp(3001)),
                Arguments.of("quote.pdf", "application/pdf", SampleFiles.pdf()),
                Arguments.of("agenda.txt", "text/plain", utf8("1. intro\n2. demo – Grüße\n")),
                Arguments.of("forecast.csv", "text/csv", utf8("id,name,amount\n1,Acme,12000\n")),
                Arguments.of("contract.docx", DOCX, SampleFiles.docx()),
                Arguments.of("pipeline.xlsx", XLSX, SampleFiles.xlsx()),
                Arguments.of("pitch.pptx", PPTX, SampleFiles.pptx()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("validFiles")
    void aWholeValidFileOfEveryAllowedTypeIsAttachedAndDownloadsUnchanged(String name, String type, byte[] bytes)
            throws Exception {
        Note note = newNote();

        Response response = upload(note, name, type, bytes);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.<String>json("$.fileName")).isEqualTo(name);
        assertThat(response.<String>json("$.contentType")).isEqualTo(type);
        assertThat(response.<Integer>json("$.size")).isEqualTo(bytes.length);
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(attachments(note) + "/"
                        + response.json("$.id"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
    }

    // ---- 415: not the type it claims, or never allowed ---------------------------------------------------------

    @Test
    void textFollowedByAnElfExecutableIsRefusedWith415AndNothingIsStored() throws Exception {
        byte[] file = concat(utf8("Release notes\n".repeat(100)), SampleFiles.ELF, new byte[4000]);

        assertRefused("notes.txt", "text/plain", file, 415, "an ELF executable header at byte 1400");
    }

    @Test
    void htmlAfterTheSniffedPrefixOfATextFileIsRefusedWith415() throws Exception {
        byte[] file = concat(utf8("id,name\n".repeat(200)), utf8("<script>fetch('//evil.test')</script>\n"));

        assertRefused("export.csv", "text/csv", file, 415, "HTML markup ('<script')");
    }

    @Test
    void aRandomZipClaimedAsDocxIsRefusedWith415AndItsStoredCopyIsRemoved() throws Exception {
        byte[] zip = SampleFiles.zip(Map.of("readme.txt", utf8("not a document"), "tool.exe", SampleFiles.EXE));

        assertRefused("contract.docx", DOCX, zip, 415, "not a Word document (docx)");
    }

    @Test
    void aWorkbookClaimedAsDocxIsRefusedWith415() throws Exception {
        assertRefused("contract.docx", DOCX, SampleFiles.xlsx(), 415, "it looks like a Excel workbook (xlsx)");
    }

    @Test
    void aMacroEnabledDocumentIsRefusedWith415() throws Exception {
        byte[] docm = SampleFiles.ooxml("word/document.xml", DOCM_MAIN, "<w:document/>");

        assertRefused("contract.docx", DOCX, docm, 415, "macro-enabled content type " + DOCM_MAIN);
    }

    @Test
    void anExecutableIsRefusedWith415WhateverItClaims() throws Exception {
        byte[] exe = concat(SampleFiles.EXE, new byte[4000]);

        assertRefused("invoice.png", "image/png", exe, 415, "Windows executable");
        assertRefused("notes.txt", "text/plain", utf8("#!/bin/sh\nrm -rf /\n"), 415, "a script (#!)");
    }

    // ---- 422: the type, but malformed ------------------------------------------------------------------------

    @Test
    void aPngWithHtmlAppendedIsRefusedWith422AndNothingIsStored() throws Exception {
        byte[] png = SampleFiles.png(300, 200);

        assertRefused("chart.png", "image/png", concat(png, SampleFiles.HTML), 422,
                "data after the IEND chunk, at byte " + png.length);
    }

    @Test
    void truncatedFilesAreRefusedWith422() throws Exception {
        byte[] png = SampleFiles.png(300, 200);
        byte[] jpeg = SampleFiles.jpeg(300, 200);
        byte[] pdf = SampleFiles.pdf();

        assertRefused("chart.png", "image/png", cut(png, png.length - 20), 422, "truncated");
        assertRefused("photo.jpg", "image/jpeg", cut(jpeg, jpeg.length / 2), 422, "truncated");
        assertRefused("quote.pdf", "application/pdf", cut(pdf, pdf.length - 10), 422, "no end-of-file marker");
        assertRefused("contract.docx", DOCX, cut(SampleFiles.docx(), 600), 422, "malformed archive");
    }

    @Test
    void aFakeImageOfMagicBytesAndRandomDataIsRefusedWith422() throws Exception {
        byte[] fake = concat(SampleFiles.bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
                SampleFiles.randomBytes(100_000, 7));

        assertRefused("floorplan.png", "image/png", fake, 422, "malformed PNG");
    }

    @Test
    void aZipBombClaimedAsDocxIsRefusedWith422() throws Exception {
        byte[] bomb = SampleFiles.zipOfZeros("word/document.xml", OoxmlCheck.MAX_UNCOMPRESSED_BYTES + 1);

        assertRefused("bomb.docx", DOCX, bomb, 422, "inflates to more than");
    }

    @Test
    void anOverlongFileNameIsRefusedWith422NamingTheFieldInsteadOf413() throws Exception {
        Note note = newNote();
        Counts before = counts();

        Response response = upload(note, "q".repeat(250) + ".pdf", "application/pdf", SampleFiles.pdf());

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>json("$.errors[0].field")).isEqualTo("fileName");
        assertThat(response.<String>json("$.errors[0].message")).contains("at most 200 characters",
                "this one has 254");
        assertNothingKept(note, before);
    }

    @Test
    void aFileOverTheSizeLimitStillAnswers413() throws Exception {
        byte[] large = concat(utf8("x".repeat(2 * 1024 * 1024)), utf8("\n"));

        assertRefused("big.txt", "text/plain", large, 413, "at most 2097152 bytes");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void assertRefused(String name, String type, byte[] bytes, int status, String why) throws Exception {
        Note note = newNote();
        Counts before = counts();

        Response response = upload(note, name, type, bytes);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>json("$.detail")).contains(why);
        if (status == 422) {
            assertThat(response.<String>json("$.errors[0].field")).isEqualTo("file");
        }
        assertNothingKept(note, before);
    }

    private void assertNothingKept(Note note, Counts before) throws Exception {
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/shared-deals/"
                        + note.dealId() + "/shared-notes/" + note.noteId())).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(shown.body(), "$.attachments")).as("attachments of the note")
                .isEmpty();
        assertThat(sharedDeals.find(new SharedDealId(note.dealId())).orElseThrow().deal().note(note.noteId())
                .orElseThrow().attachments()).isEmpty();
        assertThat(counts()).as("GridFS files and chunks").isEqualTo(before);
    }

    private Counts counts() {
        return new Counts(mongo.getCollection(GRIDFS_FILES).countDocuments(),
                mongo.getCollection(GRIDFS_CHUNKS).countDocuments());
    }

    private Note newNote() {
        SharedDealId id = SharedDealId.random();
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        String noteId = UUID.randomUUID().toString();
        sharedDeals.change(id, (document, clock) -> document.deal().addNote(noteId, "Paperwork attached", clock,
                PARTNER_USER));
        return new Note(id.value(), noteId);
    }

    private Response upload(Note note, String fileName, String type, byte[] bytes) throws Exception {
        String boundary = "----upload-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(attachments(note)))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private String attachments(Note note) {
        return base() + "/api/shared-deals/" + note.dealId() + "/shared-notes/" + note.noteId() + "/attachments";
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private record Note(String dealId, String noteId) {
    }

    private record Counts(long files, long chunks) {
    }

    private record Response(int status, String contentType, String body) {

        <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    /** A service on the PARTNER side with the shared-note endpoints and one partner user. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(UploadApplication.SharedNoteController.class)
    static class UploadApplication {

        @Bean
        CallerResolver oneUser() {
            String hash = Tokens.hash(TOKEN);
            Caller paula = Caller.partnerUser(PARTNER_USER.id(), "partner-1", PARTNER_USER.displayName(), "paula@p.test");
            return tokenHash -> tokenHash.equals(hash) ? Optional.of(paula) : Optional.empty();
        }

        @RestController
        @RequestMapping("/api/shared-deals/{id}/shared-notes")
        static class SharedNoteController extends SharedNoteEndpoints {

            SharedNoteController(SharedNotes notes, AttachmentUploads uploads) {
                super(notes, uploads);
            }
        }
    }
}
