package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession.FormFile;
import com.dealbridge.kit.test.SampleImages;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CRM's Shared tab note editor over HTTP, as the portal's: files and images attached through the API's upload
 * checks, refusals (413 size, 415 type) next to the file field with the draft kept, thumbnails and the bytes served
 * by the page, edit and delete of the CRM's own notes, removing an attachment.
 */
@CrmServiceIntegrationTest
class SharedTabAttachmentPagesIntegrationTest extends WorkspacePageTest {

    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Override
    String repName() {
        return "Ada Attach";
    }

    @Test
    void aMessageWithAPictureIsSharedAndThePictureShownAsAThumbnail() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";
        byte[] picture = SampleImages.png();

        HttpResponse<String> saved = session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes",
                Map.of("body", "Site photo attached"), new FormFile("file", "site photo.png", "image/png", picture));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        ApiResponse notes = notes(dealId);
        assertThat(notes.json("/items/0/body")).isEqualTo("Site photo attached");
        assertThat(notes.json("/items/0/attachments/0/fileName")).isEqualTo("site photo.png");
        assertThat(notes.json("/items/0/attachments/0/status")).isEqualTo("AVAILABLE");
        String href = "/deals/" + dealId + "/shared-notes/" + notes.json("/items/0/id") + "/attachments/"
                + notes.json("/items/0/attachments/0/id");
        String page = session.get(tab).body();
        assertThat(page).contains("data-testid=\"attachment-thumbnail\"").contains("src=\"" + href + "\"")
                .contains("alt=\"site photo.png\"").contains("enctype=\"multipart/form-data\"")
                .contains("data-testid=\"attach-file\"").contains("data-max-bytes=\"20971520\"");
        HttpResponse<String> image = session.get(href);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValueAsLong("Content-Length")).hasValue(picture.length);
    }

    @Test
    void aFileOfATypeNotAllowedOrTooLargeIsShownNextToTheFieldWithTheDraftKeptAndNothingSaved() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";

        HttpResponse<String> program = session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes",
                Map.of("body", "Keep this draft"), new FormFile("file", "setup.exe", "application/x-msdownload", EXE));
        assertThat(program.statusCode()).isEqualTo(415);
        assertThat(program.body()).containsPattern("id=\"file-error\"[^>]*>setup.exe is not a type that can be attached")
                .contains("Keep this draft");

        HttpResponse<String> huge = session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes",
                Map.of("body", "Big one"), new FormFile("file", "huge.png", "image/png", new byte[21 * 1024 * 1024]));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("huge.png is too large: files may be at most 20 MB.").contains("Big one");
        assertThat(notes(dealId).json("/total")).isEqualTo("0");
    }

    @Test
    void aFileWhoseContentIsNotItsTypeIsRefusedOnTheSavedNoteAndCanBeAttachedAgain() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";

        HttpResponse<String> disguised = session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes",
                Map.of("body", "Invoice"), new FormFile("file", "invoice.png", "image/png", EXE));

        assertThat(disguised.statusCode()).isEqualTo(415);
        String noteId = notes(dealId).json("/items/0/id");
        assertThat(disguised.body()).containsPattern("id=\"file-" + noteId + "-error\"[^>]*>invoice.png is not a type");
        HttpResponse<String> again = session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes/" + noteId
                + "/attachments", Map.of(), new FormFile("file", "invoice.png", "image/png", SampleImages.png()));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(notes(dealId).json("/items/0/attachments/0/fileName")).isEqualTo("invoice.png");
    }

    @Test
    void theRepsOwnNotesAreEditedAndDeletedAndTheirAttachmentsRemovedOnThePage() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";
        session.submitMultipart(tab, "/deals/" + dealId + "/shared-notes", Map.of("body", "First words"),
                new FormFile("file", "chart.png", "image/png", SampleImages.png()));
        ApiResponse notes = notes(dealId);
        String noteId = notes.json("/items/0/id");
        String note = "/deals/" + dealId + "/shared-notes/" + noteId;
        assertThat(session.get(tab).body()).contains("data-testid=\"edit-note\"")
                .contains("data-testid=\"delete-note\"").contains("data-testid=\"delete-attachment\"")
                .doesNotContain("data-testid=\"read-only\"");

        HttpResponse<String> blank = session.submit(tab, note, Map.of("body", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"edit-error-" + noteId + "\"");
        assertThat(session.submit(tab, note, Map.of("body", "Better words")).statusCode()).isEqualTo(302);
        ApiResponse edited = notes(dealId);
        assertThat(edited.json("/items/0/body")).isEqualTo("Better words");
        assertThat(edited.json("/items/0/editedAt")).isNotNull();
        assertThat(session.get(tab).body()).contains("· edited");

        String attachment = note + "/attachments/" + notes.json("/items/0/attachments/0/id");
        assertThat(session.submit(tab, attachment + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(notes(dealId).json("/items/0/attachments/0/id")).isNull();
        assertThat(session.get(attachment).statusCode()).isEqualTo(404);

        assertThat(session.submit(tab, note + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(notes(dealId).json("/total")).isEqualTo("0");
        assertThat(session.submit(tab, note, Map.of("body", "Too late")).statusCode())
                .as("a deleted note is not found, not a server error").isBetween(400, 499);
    }

    @Test
    void theNoteFormsRefuseAPostWithoutItsCsrfToken() throws Exception {
        String dealId = fixtures.sharedDeal();

        assertThat(session.post("/deals/" + dealId + "/shared-notes", Map.of("body", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(session.post("/deals/" + dealId + "/shared-notes/x/delete", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(notes(dealId).json("/total")).isEqualTo("0");
    }

    @Test
    void anUnknownNoteOrAttachmentAnswersNotFound() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";

        assertThat(session.submit(tab, "/deals/" + dealId + "/shared-notes/nope/delete", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(session.get("/deals/" + dealId + "/shared-notes/nope/attachments/nothing").statusCode())
                .isEqualTo(404);
    }

    private ApiResponse notes(String dealId) {
        return fixtures.api.get("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId) + "/shared-notes",
                fixtures.token);
    }
}
