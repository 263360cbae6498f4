package com.dealbridge.e2e;

import static com.dealbridge.e2e.BrowserSystemTest.PASSWORD;
import static com.dealbridge.e2e.BrowserSystemTest.WAIT;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.SampleImages;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** The partner portal's steps the browser tests share: signing in through the invitation link, API set-up. */
final class PortalSteps {

    private final DealbridgeSystem system;
    private final Browser browser;

    PortalSteps(DealbridgeSystem system, Browser browser) {
        this.system = system;
        this.browser = browser;
    }

    /** Sets the user's password through their invitation link. */
    void setPassword(PartnerUser user) {
        browser.open(user.invitationUrl());
        browser.type("password", PASSWORD);
        browser.byTestId("set-password").click();
        browser.awaitTestId("password-set");
    }

    /** Sets the password, signs in and waits for the deals home. */
    void signIn(PartnerUser user) {
        setPassword(user);
        submitSignIn(user.email(), PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().equals(system.partnerUrl() + "/"));
    }

    void submitSignIn(String email, String password) {
        browser.open(system.partnerUrl() + "/sign-in");
        fillSignIn(email, password);
    }

    /** Fills and sends the sign-in form already open (where a link's redirect put it, say). */
    void fillSignIn(String email, String password) {
        browser.type("email", email);
        browser.type("password", password);
        browser.byTestId("sign-in").click();
    }

    String contact(PartnerUser user, String first, String last) {
        return ok(system.partner().post("/api/contacts", user.token(), Map.of("firstName", first, "lastName", last,
                "email", first.toLowerCase() + "-" + UUID.randomUUID() + "@customer.test")), 201).json("/id");
    }

    /** A deal the user registered through the API; its shared deal's id. */
    String registered(PartnerUser user, String dealName) {
        return ok(system.partner().post("/api/shared-deals", user.token(), Map.of("sourceType", "CONTACT",
                "sourceId", contact(user, "Ann", "Lead"), "dealName", dealName, "amount", "100.00",
                "currency", "USD", "closeDate", "2030-01-01", "introNote", "i", "painOrOpportunity", "p",
                "nextSteps", "n")), 201).json("/id");
    }

    /** A real PNG the browser can draw: one colour with a white bar, or noise (which PNG cannot compress). */
    static byte[] png(int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (noise) {
            Random random = new Random(width * 31L + height);
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
        } else {
            java.awt.Graphics2D pen = image.createGraphics();
            pen.setColor(new java.awt.Color(0x0B5CAD));
            pen.fillRect(0, 0, width, height);
            pen.setColor(java.awt.Color.WHITE);
            pen.fillRect(width / 8, height / 6, width / 3, height * 2 / 3);
            pen.dispose();
        }
        return SampleImages.png(image);
    }
}
