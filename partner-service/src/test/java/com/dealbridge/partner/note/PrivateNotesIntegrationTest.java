package com.dealbridge.partner.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PagingAssertions;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.TestPartners;
import com.dealbridge.partner.TestPartners.TestPartner;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.sync.log.ChangeLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@PartnerServiceIntegrationTest
class PrivateNotesIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LIMIT = 65_536;

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    ChangeLog changeLog;

    ApiClient api;
    TestPartner partner;
    TestPartner otherPartner;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        partner = TestPartners.create(api, "Notes Partner");
        otherPartner = TestPartners.create(api, "Other Notes Partner");
    }

    @Test
    void addsAndListsPrivateNotesOldestFirst() {
        String dealId = createDeal(partner, "Acme renewal");
        String otherDealId = createDeal(partner, "Acme expansion");

        ApiResponse first = addNote(partner, dealId, "Champion is the CFO, not the CTO");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json("/id")).isNotBlank();
        assertThat(first.json("/dealId")).isEqualTo(dealId);
        assertThat(first.json("/body")).isEqualTo("Champion is the CFO, not the CTO");
        assertThat(first.json("/author/side")).isEqualTo("PARTNER");
        assertThat(first.json("/author/id")).isEqualTo(partner.userId());
        assertThat(first.json("/author/name")).isEqualTo("User of Notes Partner");
        Instant createdAt = Instant.parse(first.json("/createdAt"));
        assertThat(createdAt.getNano() % 1_000_000).as("truncated to milliseconds").isZero();

        // added back to back, so several of them may fall into the same millisecond
        List<String> added = new ArrayList<>(List.of(first.json("/id")));
        for (int i = 2; i <= 6; i++) {
            ApiResponse note = addNote(partner, dealId, "Note " + i);
            assertThat(note.status()).as(note.toString()).isEqualTo(201);
            added.add(note.json("/id"));
        }

        ApiResponse list = api.get(notesOf(dealId), partner.token());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.node("/total").asInt()).isEqualTo(6);
        assertThat(ids(list)).containsExactlyElementsOf(added);
        assertThat(list.json("/items/0/body")).isEqualTo("Champion is the CFO, not the CTO");
        assertThat(list.json("/items/5/body")).isEqualTo("Note 6");
        assertThat(list.json("/items/0/createdAt")).isEqualTo(first.json("/createdAt"));

        ApiResponse otherDeal = api.get(notesOf(otherDealId), partner.token());
        assertThat(otherDeal.status()).isEqualTo(200);
        assertThat(otherDeal.node("/total").asInt()).isZero();
        assertThat(otherDeal.size("/items")).isZero();
    }

    @Test
    void notesArePagedOldestFirstWithTheirTotal() {
        String dealId = createDeal(partner, "Paged notes");
        List<String> added = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ApiResponse note = addNote(partner, dealId, "Paged note " + i);
            assertThat(note.status()).as(note.toString()).isEqualTo(201);
            added.add(note.json("/id"));
        }

        ApiResponse first = api.get(notesOf(dealId) + "?size=2", partner.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(ids(first)).containsExactlyElementsOf(added.subList(0, 2));
        assertThat(first.node("/total").asInt()).isEqualTo(3);
        assertThat(first.node("/page").asInt()).isZero();
        assertThat(first.node("/size").asInt()).isEqualTo(2);
        ApiResponse second = api.get(notesOf(dealId) + "?size=2&page=1", partner.token());
        assertThat(ids(second)).containsExactly(added.get(2));
        assertThat(second.node("/total").asInt()).isEqualTo(3);
        assertThat(second.node("/page").asInt()).isEqualTo(1);
        assertThat(api.get(notesOf(dealId), partner.token()).node("/size").asInt()).isEqualTo(100);

        PagingAssertions.refusesBadPaging(api, notesOf(dealId), partner.token());
    }

    @Test
    void everyUserOfThePartnerSeesTheNotesAndTheAuthorOfEach() {
        String dealId = createDeal(partner, "Shared by colleagues");
        ApiResponse colleague = api.post("/admin/partners/" + partner.id() + "/users",
                PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Colleague", "email", UUID.randomUUID() + "@partner.example"));
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(201);

        assertThat(addNote(partner, dealId, "Mine").status()).isEqualTo(201);
        assertThat(addNote(colleague.json("/token"), dealId, "Theirs").status()).isEqualTo(201);

        ApiResponse list = api.get(notesOf(dealId), colleague.json("/token"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json("/items/0/author/id")).isEqualTo(partner.userId());
        assertThat(list.json("/items/1/author/id")).isEqualTo(colleague.json("/id"));
        assertThat(list.json("/items/1/author/name")).isEqualTo("Colleague");
    }

    @Test
    void refusesBlankAndOversizedBodies() {
        String dealId = createDeal(partner, "Validation deal");
        Map<String, Object> nullBody = new HashMap<>();
        nullBody.put("body", null);

        for (Object invalid : List.of(Map.of(), nullBody, Map.of("body", ""), Map.of("body", " \n\t "),
                Map.of("body", "x".repeat(LIMIT + 1)), Map.of("body", "\uD834\uDD1E".repeat(LIMIT + 1)))) {
            ApiResponse refused = api.post(notesOf(dealId), partner.token(), invalid);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.node("/errors").findValuesAsString("field")).containsExactly("body");
        }

        assertThat(api.get(notesOf(dealId), partner.token()).node("/total").asInt()).isZero();
        assertThat(storedNotes(dealId)).isZero();
    }

    @Test
    void acceptsABodyOfExactlyTheLimitCountedInCharactersNotUtf16Units() {
        String dealId = createDeal(partner, "Long notes deal");
        String longest = "x".repeat(LIMIT);
        // U+1D11E takes two UTF-16 units: 131,072 units, but 65,536 characters
        String longestInSymbols = "\uD834\uDD1E".repeat(LIMIT);

        ApiResponse plain = addNote(partner, dealId, longest);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        ApiResponse symbols = addNote(partner, dealId, longestInSymbols);
        assertThat(symbols.status()).as(symbols.toString()).isEqualTo(201);

        ApiResponse list = api.get(notesOf(dealId), partner.token());
        assertThat(list.json("/items/0/body")).isEqualTo(longest);
        assertThat(list.json("/items/1/body")).isEqualTo(longestInSymbols);
    }

    @Test
    void malformedOrMistypedJsonIsABadRequestAndStoresNothing() {
        String dealId = createDeal(partner, "Malformed deal");

        for (String invalid : List.of("{not json", "[]", "{\"body\": [\"a\"]}", "{\"body\": {\"text\": \"a\"}}")) {
            ApiResponse refused = api.post(notesOf(dealId), partner.token(), invalid);
            assertThat(refused.status()).as(invalid + " -> " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        ApiResponse noBody = api.send("POST", notesOf(dealId), partner.token(), null);
        assertThat(noBody.status()).as(noBody.toString()).isBetween(400, 499);
        assertThat(noBody.isProblem()).isTrue();

        assertThat(storedNotes(dealId)).isZero();
    }

    @Test
    void anotherPartnersDealAnswers404() {
        String foreignDealId = createDeal(otherPartner, "Their deal");
        assertThat(addNote(otherPartner, foreignDealId, "Their own private thought").status()).isEqualTo(201);

        ApiResponse write = addNote(partner, foreignDealId, "Snooping");
        assertThat(write.status()).as(write.toString()).isEqualTo(404);
        assertThat(write.isProblem()).isTrue();
        ApiResponse read = api.get(notesOf(foreignDealId), partner.token());
        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        assertThat(read.isProblem()).isTrue();
        assertThat(read.bodyAsString()).doesNotContain("Their own private thought");

        String unknownDealId = UUID.randomUUID().toString();
        assertThat(addNote(partner, unknownDealId, "Nowhere").status()).isEqualTo(404);
        assertThat(api.get(notesOf(unknownDealId), partner.token()).status()).isEqualTo(404);
        // a foreign deal answers 404 before its body is even looked at
        assertThat(api.post(notesOf(foreignDealId), partner.token(), Map.of("body", "")).status()).isEqualTo(404);

        assertThat(storedNotes(foreignDealId)).isEqualTo(1);
        assertThat(storedNotes(unknownDealId)).isZero();
        assertThat(api.get(notesOf(foreignDealId), otherPartner.token()).node("/total").asInt()).isEqualTo(1);
    }

    @Test
    void needsAUserToken() {
        String dealId = createDeal(partner, "Token deal");

        assertThat(api.post(notesOf(dealId), null, Map.of("body", "Anonymous")).status()).isEqualTo(401);
        assertThat(api.get(notesOf(dealId), "not-a-token").status()).isEqualTo(401);
        assertThat(api.get(notesOf(dealId), PartnerServiceIntegrationTest.ADMIN_TOKEN).status()).isEqualTo(403);
        assertThat(storedNotes(dealId)).isZero();
    }

    @Test
    void keepsNotesInTheirOwnIndexedCollectionWithThePartner() {
        String dealId = createDeal(partner, "Storage deal");
        String noteId = addNote(partner, dealId, "Stored apart").json("/id");

        Document stored = mongo.findById(noteId, Document.class, "private_notes");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("partnerId")).isEqualTo(partner.id());
        assertThat(stored.getString("dealId")).isEqualTo(dealId);
        assertThat(stored.getString("body")).isEqualTo("Stored apart");

        List<IndexInfo> indexes = mongo.indexOps("private_notes").getIndexInfo();
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields()).extracting(IndexField::getKey)
                .containsExactly("dealId", "createdAt"));
    }

    @Test
    void privateNoteNeverReachesTheSharedDealOrItsOutbox() {
        String dealId = createDeal(partner, "Registered deal");
        ApiResponse registered = api.post("/api/shared-deals", partner.token(), Map.of("sourceType", "DEAL",
                "sourceId", dealId, "dealName", "Registered deal", "amount", "5000", "closeDate", "2026-12-31",
                "introNote", "Intro", "painOrOpportunity", "Pain", "nextSteps", "Next"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        SharedDealId sharedDealId = new SharedDealId(registered.json("/id"));
        // once the registration has left the outbox, nothing else should write to this document
        await().atMost(WAIT).until(() -> sharedDeals.find(sharedDealId).orElseThrow().inSync());
        Document before = rawSharedDeal(sharedDealId);

        String secret = "Private: budget is really " + UUID.randomUUID();
        ApiResponse note = addNote(partner, dealId, secret);
        assertThat(note.status()).as(note.toString()).isEqualTo(201);

        assertThat(changeLog.page(sharedDealId.value(), List.of(), 0, 0)).isNotEmpty().noneSatisfy(entry ->
                assertThat(new String(entry.payload(), StandardCharsets.UTF_8)).contains(secret));
        assertThat(sharedDeals.tabs().page(sharedDealId.value(), 0, 100).items()).isNotEmpty().noneSatisfy(entry ->
                assertThat(entry.details().values().toString()).contains(secret));
        assertThat(rawSharedDeal(sharedDealId)).as("the shared-deal document is untouched").isEqualTo(before);

        ApiResponse sharedActivity = api.get("/api/shared-deals/" + sharedDealId.value() + "/shared-activity",
                partner.token());
        assertThat(sharedActivity.status()).as(sharedActivity.toString()).isEqualTo(200);
        assertThat(sharedActivity.size("/items")).isPositive();
        assertThat(sharedActivity.bodyAsString()).doesNotContain(secret);
        assertThat(api.get("/api/shared-deals/" + sharedDealId.value(), partner.token()).bodyAsString())
                .doesNotContain(secret);

        assertThat(api.get(notesOf(dealId), partner.token()).json("/items/0/body")).isEqualTo(secret);
    }

    private String createDeal(TestPartner owner, String name) {
        ApiResponse deal = api.post("/api/deals", owner.token(), Map.of("name", name, "amount", "1000",
                "closeDate", "2026-12-31"));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        return deal.json("/id");
    }

    private ApiResponse addNote(TestPartner author, String dealId, String body) {
        return addNote(author.token(), dealId, body);
    }

    private ApiResponse addNote(String token, String dealId, String body) {
        return api.post(notesOf(dealId), token, Map.of("body", body));
    }

    private static String notesOf(String dealId) {
        return "/api/deals/" + dealId + "/notes";
    }

    /** The note ids in list order (not {@code findValues}: an author has an id too). */
    private static List<String> ids(ApiResponse list) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size("/items"); i++) {
            ids.add(list.json("/items/" + i + "/id"));
        }
        return ids;
    }

    private long storedNotes(String dealId) {
        return mongo.count(Query.query(Criteria.where("dealId").is(dealId)), "private_notes");
    }

    private Document rawSharedDeal(SharedDealId id) {
        return mongo.findById(id.value(), Document.class, "shared_deals");
    }
}
