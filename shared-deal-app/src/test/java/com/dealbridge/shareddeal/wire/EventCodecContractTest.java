package com.dealbridge.shareddeal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.golden.GoldenSample;
import com.dealbridge.contracts.golden.GoldenSamples;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract tests on the golden samples of sync-contracts: every released version of every shared-deal event
 * maps into the domain, and what the producer writes for it is byte for byte the current golden sample.
 */
class EventCodecContractTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyReleasedSampleOfEverySharedDealEventMapsIntoTheDomain() {
        List<GoldenSample> samples = sharedDealSamples();
        assertThat(samples).isNotEmpty();
        for (GoldenSample sample : samples) {
            SharedDealEvent event = codec.toDomain(AvroCodec.decode(sample.bytes()));
            assertThat(event.type()).as(sample.recordName()).isEqualTo(sample.recordName());
            assertThat(event.header().sequence()).as(sample.recordName()).isPositive();
        }
    }

    @Test
    void theProducersAvroForASampleIsTheGoldenBytes() {
        // the golden bytes are single-object encoded (the framing is the codec's business, not the mapping's)
        for (GoldenSample sample : newestSharedDealSamples()) {
            SharedDealEvent event = codec.toDomain(AvroCodec.decode(sample.bytes()));
            assertThat(AvroCodec.encodeSingleObject(codec.toAvro(event))).as(sample.recordName() + " v"
                    + sample.version()).isEqualTo(sample.bytes());
        }
    }

    @Test
    void theProducersBytesAreInConfluentsWireFormatAndDecodeToTheSameEvent() {
        for (GoldenSample sample : newestSharedDealSamples()) {
            SharedDealEvent event = codec.toDomain(AvroCodec.decode(sample.bytes()));
            byte[] bytes = codec.encode(event);
            assertThat(bytes[0]).as(sample.recordName() + " magic byte").isZero();
            assertThat(AvroCodec.decode(bytes)).as(sample.recordName()).isEqualTo(codec.toAvro(event));
        }
    }

    @Test
    void aSnapshotCarriesHowFarItsSenderHadReceivedAndAnOlderOneReadsAsUnknown() {
        List<GoldenSample> snapshots = sharedDealSamples().stream()
                .filter(sample -> sample.recordName().equals("SharedDealSnapshot")).toList();
        assertThat(snapshots).extracting(GoldenSample::version).contains(1, 2);
        for (GoldenSample sample : snapshots) {
            SharedDealSnapshot snapshot = (SharedDealSnapshot) codec.toDomain(AvroCodec.decode(sample.bytes()));
            assertThat(snapshot.receivedUpTo()).as("v" + sample.version()).isEqualTo(sample.version() == 1 ? 0 : 4);
        }
    }

    @Test
    void aRegistrationCarriesItsRegisteredDomainAndAnOlderOneReadsAsDomainLess() {
        List<GoldenSample> registrations = sharedDealSamples().stream()
                .filter(sample -> sample.recordName().equals("SharedDealRegistered")).toList();
        assertThat(registrations).extracting(GoldenSample::version).contains(1, 2);
        for (GoldenSample sample : registrations) {
            SharedDealRegistered registered = (SharedDealRegistered) codec.toDomain(AvroCodec.decode(sample.bytes()));
            assertThat(registered.registeredDomain()).as("v" + sample.version())
                    .isEqualTo(sample.version() == 1 ? null : new RegisteredDomain("globex.ch"));
            assertThat(registered.registrationState()).as("v" + sample.version())
                    .isEqualTo(com.dealbridge.shareddeal.domain.RegistrationState.REGISTERED);
        }
        GoldenSample snapshot = newestSharedDealSamples().stream()
                .filter(sample -> sample.recordName().equals("SharedDealSnapshot")).findFirst().orElseThrow();
        SharedDealSnapshot decoded = (SharedDealSnapshot) codec.toDomain(AvroCodec.decode(snapshot.bytes()));
        assertThat(((SharedDealRegistered) decoded.facts().get(0)).registeredDomain())
                .isEqualTo(new RegisteredDomain("globex.ch"));
    }

    @Test
    void aRegistrationTransitionTravelsWithItsExpiryAndAnUnknownOrAReasonlessRejectionIsAnInvalidEvent() {
        GoldenSample sample = newestSharedDealSamples().stream()
                .filter(s -> s.recordName().equals("RegistrationChanged")).findFirst().orElseThrow();
        com.dealbridge.contracts.avro.RegistrationChanged record =
                (com.dealbridge.contracts.avro.RegistrationChanged) AvroCodec.decode(sample.bytes());
        com.dealbridge.shareddeal.domain.RegistrationChanged changed =
                (com.dealbridge.shareddeal.domain.RegistrationChanged) codec.toDomain(record);
        assertThat(changed.transition()).isEqualTo(com.dealbridge.shareddeal.domain.RegistrationTransition.RELEASE);
        assertThat(changed.expiresAt()).isEqualTo(java.time.Instant.parse("2027-02-27T10:05:00Z"));

        record.setTransition("REVIVE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.toDomain(record))
                .isInstanceOf(com.dealbridge.sync.inbox.InvalidEventException.class).hasMessageContaining("REVIVE");
        record.setTransition("REJECT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.toDomain(record))
                .isInstanceOf(com.dealbridge.sync.inbox.InvalidEventException.class)
                .hasMessageContaining("reason code");
    }

    @Test
    void aRegisteredDomainNotInNormalFormIsAnInvalidEvent() {
        GoldenSample sample = newestSharedDealSamples().stream()
                .filter(s -> s.recordName().equals("SharedDealRegistered")).findFirst().orElseThrow();
        com.dealbridge.contracts.avro.SharedDealRegistered record =
                (com.dealbridge.contracts.avro.SharedDealRegistered) AvroCodec.decode(sample.bytes());
        record.setRegisteredDomain("www.Globex.CH");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.toDomain(record))
                .isInstanceOf(com.dealbridge.sync.inbox.InvalidEventException.class)
                .hasMessageContaining("registeredDomain");
    }

    @Test
    void anUnavailableRegistrationTravelsWithItsReasonAndOneWithoutAReasonIsAnInvalidEvent() {
        GoldenSample sample = newestSharedDealSamples().stream()
                .filter(s -> s.recordName().equals("SharedDealRegistered")).findFirst().orElseThrow();
        com.dealbridge.contracts.avro.SharedDealRegistered record =
                (com.dealbridge.contracts.avro.SharedDealRegistered) AvroCodec.decode(sample.bytes());
        record.setRegistrationState("UNAVAILABLE");
        record.setUnavailableReason("globex.ch is already registered by another partner");
        SharedDealRegistered unavailable = (SharedDealRegistered) codec.toDomain(
                AvroCodec.decode(codec.encode(codec.toDomain(record))));
        assertThat(unavailable.registrationState())
                .isEqualTo(com.dealbridge.shareddeal.domain.RegistrationState.UNAVAILABLE);
        assertThat(unavailable.unavailableReason()).isEqualTo("globex.ch is already registered by another partner");
        for (String[] broken : new String[][] {{"UNAVAILABLE", null}, {"REGISTERED", "why"}, {"WITHDRAWN", null},
                {"SOMETHING_NEW", null}}) {
            record.setRegistrationState(broken[0]);
            record.setUnavailableReason(broken[1]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.toDomain(record))
                    .as(broken[0]).isInstanceOf(com.dealbridge.sync.inbox.InvalidEventException.class);
        }
    }

    private static List<GoldenSample> sharedDealSamples() {
        return GoldenSamples.all().stream().filter(EventCodecContractTest::isSharedDealEvent).toList();
    }

    private static List<GoldenSample> newestSharedDealSamples() {
        return sharedDealSamples().stream()
                .filter(s -> sharedDealSamples().stream().noneMatch(o -> o.recordName().equals(s.recordName())
                        && o.version() > s.version()))
                .toList();
    }

    /** Shared-deal events are the ones carrying metadata; accounts and products are compacted state. */
    private static boolean isSharedDealEvent(GoldenSample sample) {
        return sample.writerSchema().getField("metadata") != null;
    }
}
