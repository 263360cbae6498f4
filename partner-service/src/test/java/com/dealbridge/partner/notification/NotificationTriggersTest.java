package com.dealbridge.partner.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SharedNoteEdited;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.sync.clock.Hlc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTriggersTest {

    static final Actor REP = new Actor(ActorType.CRM_USER, "rep-1", "Rita Rep");
    static final Actor PARTNER_USER = new Actor(ActorType.PARTNER_USER, "pu-1", "Paula Partner");
    static final PersonRef RITA = new PersonRef("rep-1", "Rita Rep", "rita@vendor.test");

    final NotificationTriggers triggers = new NotificationTriggers();

    @Test
    void aDealARepRegisteredForThePartnerNotifiesWithItsName() {
        Optional<Trigger> trigger = triggers.triggerFor(registered(Origin.CRM, Origin.CRM, REP));

        assertThat(trigger).contains(new Trigger(NotificationKind.DEAL_REGISTERED_BY_REP, "Welcome aboard",
                "Acme rollout"));
    }

    @Test
    void theRegistrationOfAPartnersOwnDealNotifiesNobody() {
        assertThat(triggers.triggerFor(registered(Origin.CRM, Origin.PARTNER, REP))).isEmpty();
    }

    @Test
    void aRepAssignmentNotifiesWithTheRepsName() {
        assertThat(triggers.triggerFor(new SharedDealAssigned(header(Origin.CRM, Actor.system("Auto-assignment")),
                RITA))).contains(Trigger.of(NotificationKind.REP_ASSIGNED, "Rita Rep"));
    }

    @Test
    void anExpiryReminderNotifiesWithTheDateAndADecisionWithItsReasonButANewExpiryDateDoesNot() {
        Instant expiresAt = Instant.parse("2027-03-01T10:00:00Z");
        Optional<Trigger> reminder = triggers.triggerFor(new com.dealbridge.shareddeal.domain.RegistrationExpiring(
                header(Origin.CRM, Actor.system("Registration expiry")), expiresAt));
        assertThat(reminder).contains(Trigger.of(NotificationKind.REGISTRATION_EXPIRING, expiresAt.toString()));
        assertThat(NotificationKind.REGISTRATION_EXPIRING.subject("Acme", "Registration expiry",
                expiresAt.toString())).isEqualTo("Your registration of \"Acme\" expires on 2027-03-01");

        assertThat(triggers.triggerFor(new com.dealbridge.shareddeal.domain.RegistrationChanged(header(Origin.CRM,
                REP), com.dealbridge.shareddeal.domain.RegistrationTransition.REJECT, "DUPLICATE", "known customer",
                null))).contains(Trigger.of(NotificationKind.REGISTRATION_CHANGED,
                "rejected (DUPLICATE): known customer"));
        assertThat(triggers.triggerFor(new com.dealbridge.shareddeal.domain.RegistrationChanged(header(Origin.CRM,
                REP), com.dealbridge.shareddeal.domain.RegistrationTransition.EXTEND, null, null, expiresAt)))
                .isEmpty();
    }

    @Test
    void eventsOfThePartnerSideNeverNotifyThePartner() {
        assertThat(triggers.triggerFor(new SharedDealAssigned(header(Origin.PARTNER, REP), RITA))).isEmpty();
        assertThat(triggers.triggerFor(new SharedDealAssigned(header(Origin.CRM, PARTNER_USER), RITA))).isEmpty();
    }

    @Test
    void onlyTheClosingStagesNotify() {
        assertThat(NotificationTriggers.stageReached(Stage.CLOSED_WON))
                .contains(Trigger.of(NotificationKind.DEAL_CLOSED_WON, null));
        assertThat(NotificationTriggers.stageReached(Stage.CLOSED_LOST))
                .contains(Trigger.of(NotificationKind.DEAL_CLOSED_LOST, null));
        for (Stage stage : Stage.values()) {
            if (!stage.isClosed()) {
                assertThat(NotificationTriggers.stageReached(stage)).as(stage.name()).isEmpty();
            }
        }
    }

    @Test
    void aRepClosingTheDealNotifiesButMovingItAlongTheStagesDoesNot() {
        assertThat(triggers.triggerFor(new DealStageChanged(header(Origin.CRM, REP), Stage.CLOSED_WON)))
                .contains(Trigger.of(NotificationKind.DEAL_CLOSED_WON, null));
        assertThat(triggers.triggerFor(new DealStageChanged(header(Origin.CRM, REP), Stage.CLOSED_LOST)))
                .contains(Trigger.of(NotificationKind.DEAL_CLOSED_LOST, null));
        assertThat(triggers.triggerFor(new DealStageChanged(header(Origin.CRM, REP), Stage.CONTRACT_SENT))).isEmpty();
        assertThat(triggers.triggerFor(new DealStageChanged(header(Origin.PARTNER, PARTNER_USER), Stage.CLOSED_WON)))
                .as("the partner's own close").isEmpty();
    }

    @Test
    void notesAndCommentsNotifyWithTheirText() {
        assertThat(NotificationTriggers.noteAdded("Call me")).contains(
                Trigger.of(NotificationKind.SHARED_NOTE_ADDED, "Call me"));
        assertThat(NotificationTriggers.commentAdded("Done")).contains(
                Trigger.of(NotificationKind.NOTE_COMMENT_ADDED, "Done"));
    }

    @Test
    void aRepsSharedNoteAndCommentNotifyButThePartnersOwnDoNot() {
        assertThat(triggers.triggerFor(new SharedNoteAdded(header(Origin.CRM, REP), "n-1", "Pricing attached")))
                .contains(Trigger.of(NotificationKind.SHARED_NOTE_ADDED, "Pricing attached"));
        assertThat(triggers.triggerFor(new NoteCommentAdded(header(Origin.CRM, REP), "n-1", "c-1", "Done")))
                .contains(Trigger.of(NotificationKind.NOTE_COMMENT_ADDED, "Done"));
        assertThat(triggers.triggerFor(new SharedNoteAdded(header(Origin.PARTNER, PARTNER_USER), "n-2", "Mine")))
                .isEmpty();
        assertThat(triggers.triggerFor(new SharedNoteEdited(header(Origin.CRM, REP), "n-1", "Edited"))).isEmpty();
    }

    @Test
    void aNewTriggerIsOneMapping() {
        // an event type that has no trigger yet (edits do not notify) gets one by one mapping
        triggers.on(SharedNoteEdited.class, e -> NotificationTriggers.noteAdded(e.body()));

        assertThat(triggers.triggerFor(new SharedNoteEdited(header(Origin.CRM, REP), "n-1", "Pricing attached")))
                .contains(Trigger.of(NotificationKind.SHARED_NOTE_ADDED, "Pricing attached"));
        assertThat(triggers.triggerFor(new SharedNoteEdited(header(Origin.PARTNER, PARTNER_USER), "n-2", "Mine")))
                .as("still never for the partner's own actions").isEmpty();
    }

    @Test
    void refusesASecondMappingForTheSameEventType() {
        assertThatThrownBy(() -> triggers.on(SharedDealAssigned.class, e -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SharedDealAssigned");
    }

    static SharedDealRegistered registered(Origin origin, Origin registeredBy, Actor actor) {
        return new SharedDealRegistered(header(origin, actor), registeredBy, "Acme rollout",
                new BigDecimal("1000.00"), "USD", LocalDate.parse("2026-12-31"), Stage.APPOINTMENT_SCHEDULED, null,
                null, null, "Welcome aboard", List.of(), null, null, "DEAL");
    }

    static EventHeader header(Origin origin, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "partner-1", origin, 1,
                new Hlc(1, 0), Instant.parse("2026-11-26T10:00:00Z"), actor);
    }
}
