package com.dealbridge.partner.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import com.dealbridge.kit.test.PageSession.FormFile;
import com.dealbridge.kit.test.SampleImages;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.PortalUser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Shared tab's note editor over HTTP: files and images attached through the API's upload checks, refusals next
 * to the file field (before the note exists when they can be), thumbnails, edit and delete of this side's notes,
 * removing an attachment; CSRF on every form.
 */
@PartnerServiceIntegrationTest
class SharedTabPagesIntegrationTest {

    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @LocalServerPort
    int port;

    record Deal(PageSession session, String token, String id) {
        String tab() {
            return "/shared-deals/" + id + "/shared";
        }

        String notes() {
            return "/shared-deals/" + id + "/shared-notes";
        }
    }

    private Deal sharedDeal() {
        PortalUser user = PortalUser.signedIn(port, "Tab Partners");
        api = user.api();
        return new Deal(user.session(), user.token(), user.sharedDeal("Tab deal"));
    }

    private ApiClient api;

    @Test
    void aMessageWithAPictureIsSharedAndThePictureShownInlineAsAThumbnail() {
        Deal deal = sharedDeal();
        byte[] picture = SampleImages.png();
        HttpResponse<String> saved = deal.session().submitMultipart(deal.tab(), deal.notes(),
                Map.of("body", "Floor plan attached"), new FormFile("file", "floor plan.png", "image/png", picture));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        ApiResponse notes = api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token());
        assertThat(notes.json("/items/0/body")).isEqualTo("Floor plan attached");
        assertThat(notes.json("/items/0/attachments/0/fileName")).isEqualTo("floor plan.png");
        assertThat(notes.json("/items/0/attachments/0/status")).isEqualTo("AVAILABLE");
        String href = deal.notes() + "/" + notes.json("/items/0/id") + "/attachments/"
                + notes.json("/items/0/attachments/0/id");
        String tab = deal.session().get(deal.tab()).body();
        assertThat(tab).contains("data-testid=\"attachment-thumbnail\"").contains("src=\"" + href + "\"")
                .contains("alt=\"floor plan.png\"").contains("enctype=\"multipart/form-data\"")
                .contains("data-testid=\"attach-file\"");
        HttpResponse<String> image = deal.session().get(href);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValueAsLong("Content-Length")).hasValue(picture.length);
    }

    @Test
    void aFileOfATypeNotAllowedOrTooLargeIsShownNextToTheFieldAndNothingIsSaved() {
        Deal deal = sharedDeal();
        HttpResponse<String> program = deal.session().submitMultipart(deal.tab(), deal.notes(),
                Map.of("body", "Keep this draft"), new FormFile("file", "setup.exe", "application/x-msdownload", EXE));
        assertThat(program.statusCode()).isEqualTo(415);
        assertThat(program.body()).contains("setup.exe is not a type that can be attached").contains("Keep this draft");

        HttpResponse<String> huge = deal.session().submitMultipart(deal.tab(), deal.notes(),
                Map.of("body", "Big one"), new FormFile("file", "huge.png", "image/png", new byte[21 * 1024 * 1024]));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("huge.png is too large: files may be at most 20 MB.");
        assertThat(api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token()).json("/total"))
                .isEqualTo("0");
    }

    @Test
    void aFileWhoseContentIsNotItsTypeIsRefusedOnTheSavedNotesFileField() {
        Deal deal = sharedDeal();
        HttpResponse<String> disguised = deal.session().submitMultipart(deal.tab(), deal.notes(),
                Map.of("body", "Invoice"), new FormFile("file", "invoice.png", "image/png", EXE));
        assertThat(disguised.statusCode()).isEqualTo(415);
        ApiResponse notes = api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token());
        assertThat(notes.json("/items/0/body")).as("the text is kept").isEqualTo("Invoice");
        assertThat(notes.json("/items/0/attachments/0/id")).isNull();
        String noteId = notes.json("/items/0/id");
        assertThat(disguised.body()).containsPattern("id=\"file-" + noteId + "-error\"[^>]*>invoice.png is not a type");

        HttpResponse<String> again = deal.session().submitMultipart(deal.tab(), deal.notes() + "/" + noteId
                + "/attachments", Map.of(), new FormFile("file", "invoice.png", "image/png", SampleImages.png()));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token())
                .json("/items/0/attachments/0/fileName")).isEqualTo("invoice.png");
    }

    @Test
    void ownNotesAreEditedAndDeletedAndAttachmentsRemovedOnThePage() {
        Deal deal = sharedDeal();
        deal.session().submitMultipart(deal.tab(), deal.notes(), Map.of("body", "First words"),
                new FormFile("file", "chart.png", "image/png", SampleImages.png()));
        ApiResponse notes = api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token());
        String note = deal.notes() + "/" + notes.json("/items/0/id");
        assertThat(deal.session().get(deal.tab()).body()).contains("data-testid=\"edit-note\"")
                .contains("data-testid=\"delete-note\"").contains("data-testid=\"delete-attachment\"")
                .doesNotContain("data-testid=\"read-only\"");

        HttpResponse<String> blank = deal.session().submit(deal.tab(), note, Map.of("body", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"edit-error-" + notes.json("/items/0/id") + "\"");
        assertThat(deal.session().submit(deal.tab(), note, Map.of("body", "Better words")).statusCode())
                .isEqualTo(302);
        ApiResponse edited = api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token());
        assertThat(edited.json("/items/0/body")).isEqualTo("Better words");
        assertThat(edited.json("/items/0/editedAt")).isNotNull();

        String attachment = note + "/attachments/" + notes.json("/items/0/attachments/0/id");
        assertThat(deal.session().submit(deal.tab(), attachment + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token())
                .json("/items/0/attachments/0/id")).isNull();
        assertThat(deal.session().get(attachment).statusCode()).isEqualTo(404);

        assertThat(deal.session().submit(deal.tab(), note + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token()).json("/total"))
                .isEqualTo("0");
        assertThat(deal.session().submit(deal.tab(), note, Map.of("body", "Too late")).statusCode())
                .as("a deleted note is not found, not a server error").isBetween(400, 499);
    }

    @Test
    void theNoteFormsRefuseAPostWithoutItsCsrfToken() {
        Deal deal = sharedDeal();
        assertThat(deal.session().post(deal.notes(), Map.of("body", "forged")).statusCode()).isEqualTo(403);
        assertThat(deal.session().post(deal.notes() + "/x/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/shared-deals/" + deal.id() + "/shared-notes", deal.token()).json("/total"))
                .isEqualTo("0");
    }

    @Test
    void anUnknownNoteOrAttachmentAnswersNotFound() {
        Deal deal = sharedDeal();
        assertThat(deal.session().submit(deal.tab(), deal.notes() + "/nope/delete", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(deal.session().get(deal.notes() + "/nope/attachments/nothing").statusCode()).isEqualTo(404);
    }
}
