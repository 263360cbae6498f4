package com.dealbridge.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealWithdrawn;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.sync.clock.Hlc;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CrmNotificationTriggersTest {

    static final Actor PARTNER_USER = new Actor(ActorType.PARTNER_USER, "pu-1", "Paula Partner");
    static final Actor REP = new Actor(ActorType.CRM_USER, "rep-1", "Rita Rep");

    final CrmNotificationTriggers triggers = new CrmNotificationTriggers(ids -> Map.of("p-1", "Analytics Suite"));

    @Test
    void thePartnersNotesCommentsAttachmentsProductInterestAndWithdrawalNotifyTheDealTeam() {
        assertThat(triggers.triggerFor(new SharedNoteAdded(header(Origin.PARTNER, PARTNER_USER), "n-1", "Hi")))
                .contains(CrmTrigger.toDealTeam(CrmNotificationKind.PARTNER_NOTE_ADDED, "Hi"));
        assertThat(triggers.triggerFor(new NoteCommentAdded(header(Origin.PARTNER, PARTNER_USER), "n-1", "c-1",
                "Thanks"))).contains(CrmTrigger.toDealTeam(CrmNotificationKind.PARTNER_COMMENT_ADDED, "Thanks"));
        assertThat(triggers.triggerFor(new AttachmentAdded(header(Origin.PARTNER, PARTNER_USER), "n-1", "a-1",
                "specs.pdf", "application/pdf", 10, "00", 10, 1)))
                .contains(CrmTrigger.toDealTeam(CrmNotificationKind.PARTNER_ATTACHMENT_ADDED, "specs.pdf"));
        assertThat(triggers.triggerFor(new ProductInterestChanged(header(Origin.PARTNER, PARTNER_USER),
                List.of("p-1", "p-gone")))).contains(CrmTrigger.toDealTeam(
                        CrmNotificationKind.PRODUCT_INTEREST_CHANGED, "Analytics Suite, p-gone"));
        assertThat(triggers.triggerFor(new SharedDealWithdrawn(header(Origin.PARTNER, PARTNER_USER),
                "Customer went elsewhere"))).contains(CrmTrigger.toDealTeam(
                        CrmNotificationKind.REGISTRATION_WITHDRAWN, "Customer went elsewhere"));
    }

    @Test
    void aRepsOwnActivityNotifiesNobodyOnTheCrm() {
        assertThat(triggers.triggerFor(new SharedNoteAdded(header(Origin.CRM, REP), "n-1", "Mine"))).isEmpty();
        assertThat(triggers.triggerFor(new SharedDealWithdrawn(header(Origin.CRM, REP), "no"))).isEmpty();
    }

    @Test
    void anAssignmentNotifiesTheNewlyAssignedRepOnly() {
        assertThat(triggers.triggerFor(new SharedDealAssigned(header(Origin.CRM, Actor.system("Lead assignment")),
                new PersonRef("rep-2", "Sam Sato", "sam@vendor.test"))))
                .contains(new CrmTrigger(CrmNotificationKind.DEAL_ASSIGNED_TO_YOU, null, "rep-2"));
    }

    @Test
    void otherEventsNotifyNobody() {
        assertThat(triggers.triggerFor(new DealStageChanged(header(Origin.PARTNER, PARTNER_USER),
                Stage.CLOSED_WON))).isEmpty();
    }

    static EventHeader header(Origin origin, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "partner-1", origin, 1,
                new Hlc(1, 0), Instant.parse("2026-11-26T10:00:00Z"), actor);
    }
}
