package com.dealbridge.partner.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.partner.notification.NotificationMessage.DealRef;
import org.junit.jupiter.api.Test;

class NotificationMessageTest {

    static final DealRef DEAL = new DealRef("Acme rollout", "deal-42");

    @Test
    void mailSaysWhatHappenedOnWhichDealByWhomAndLinksToTheDeal() {
        NotificationMessage message = NotificationMessage.compose(
                Trigger.of(NotificationKind.REP_ASSIGNED, "Rita Rep"), DEAL, "Auto-assignment", "Alice Archer",
                "Acme Partners", "http://portal.test");

        assertThat(message.subject()).isEqualTo("Sales rep Rita Rep assigned to your deal \"Acme rollout\"");
        assertThat(message.link()).isEqualTo("http://portal.test/deals/deal-42");
        assertThat(message.mailBody())
                .startsWith("Hello Alice Archer,")
                .contains("Sales rep Rita Rep is now assigned to the shared deal \"Acme rollout\".")
                .contains("By: Auto-assignment")
                .contains("Open the deal in the partner portal: http://portal.test/deals/deal-42")
                .contains("notification recipient of Acme Partners");
        assertThat(message.text()).isEqualTo("Sales rep Rita Rep is now assigned to the shared deal \"Acme rollout\".");
    }

    @Test
    void everyKindNamesTheDealInTheSubject() {
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationMessage message = NotificationMessage.compose(Trigger.of(kind, "Rita Rep"), DEAL, "Rita Rep",
                    "Alice", "Acme Partners", "http://portal.test");
            assertThat(message.subject()).as(kind.name()).contains("\"Acme rollout\"");
            assertThat(message.mailBody()).as(kind.name()).contains("Rita Rep");
        }
    }

    @Test
    void quotesANoteButCutsALongOne() {
        String longNote = "x".repeat(NotificationMessage.QUOTE_LIMIT + 100);

        NotificationMessage message = NotificationMessage.compose(Trigger.of(NotificationKind.SHARED_NOTE_ADDED,
                longNote), DEAL, "Rita Rep", "Alice", "Acme Partners", "http://portal.test");

        assertThat(message.mailBody()).contains("\"" + "x".repeat(NotificationMessage.QUOTE_LIMIT) + "...\"")
                .doesNotContain("x".repeat(NotificationMessage.QUOTE_LIMIT + 1));
        assertThat(message.text()).startsWith("Rita Rep added a shared note to the deal \"Acme rollout\".\n\"x");
    }

    @Test
    void aDealNameWithLineBreaksCannotFoldTheSubject() {
        NotificationMessage message = NotificationMessage.compose(Trigger.of(NotificationKind.DEAL_CLOSED_WON, null),
                new DealRef("Acme\r\nBcc: evil@example.com", "d"), "Rita Rep", "Alice", "Acme Partners",
                "http://portal.test");

        assertThat(message.subject()).doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("Deal \"Acme Bcc: evil@example.com\" closed won");
    }

    @Test
    void encodesTheDealIdInTheLink() {
        NotificationMessage message = NotificationMessage.compose(Trigger.of(NotificationKind.DEAL_CLOSED_LOST, null),
                new DealRef("Acme", "a b/c"), "Rita Rep", "Alice", "Acme Partners", "http://portal.test");

        assertThat(message.link()).isEqualTo("http://portal.test/deals/a%20b%2Fc");
    }
}
