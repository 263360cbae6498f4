package com.dealbridge.kit.testapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.Tokens;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dealbridge.security.admin-token=" + ServiceKitIntegrationTest.ADMIN_TOKEN,
        "dealbridge.mongodb.embedded.enabled=true",
        "dealbridge.mongodb.embedded.database=kit-test",
        "spring.servlet.multipart.max-file-size=1KB" })
class ServiceKitIntegrationTest {

    static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    int port;

    @Autowired
    TestCallers callers;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;
    String partnerUserToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        partnerUserToken = callers.issue(Caller.partnerUser("u-1", "p-1", "Paula Partner", "paula@example.com"));
    }

    @Test
    void rejectsMissingToken() {
        ApiResponse response = api.get("/api/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json("/title")).isEqualTo("Unauthorized");
        assertThat(response.json("/status")).isEqualTo("401");
        assertThat(response.json("/detail")).contains("Missing bearer token");
        assertThat(api.get("/admin/ping", null).status()).isEqualTo(401);
    }

    @Test
    void rejectsUnknownToken() {
        ApiResponse response = api.get("/api/me", Tokens.newToken());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json("/detail")).contains("Unknown");
        assertThat(api.get("/admin/ping", "not-the-admin-token").status()).isEqualTo(401);
    }

    @Test
    void adminTokenOnlyOpensAdmin() {
        ApiResponse admin = api.get("/admin/ping", ADMIN_TOKEN);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.json("/caller")).isEqualTo("admin");
        assertThat(admin.json("/admin")).isEqualTo("true");

        ApiResponse api403 = api.get("/api/me", ADMIN_TOKEN);
        assertThat(api403.status()).isEqualTo(403);
        assertThat(api403.isProblem()).isTrue();
        assertThat(api403.json("/detail")).contains("/admin");
    }

    @Test
    void userTokenCannotOpenAdmin() {
        ApiResponse response = api.get("/admin/ping", partnerUserToken);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json("/title")).isEqualTo("Forbidden");
    }

    @Test
    void matrixParametersDoNotHideTheAdminArea() {
        assertThat(api.get("/admin;x=1/ping", partnerUserToken).status()).isEqualTo(403);
        assertThat(api.get("/api;x=1/me", ADMIN_TOKEN).status()).isEqualTo(403);
    }

    @Test
    void controllersReceiveTheResolvedCaller() {
        ApiResponse me = api.get("/api/me", partnerUserToken);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json("/id")).isEqualTo("u-1");
        assertThat(me.json("/partnerId")).isEqualTo("p-1");
        assertThat(me.json("/role")).isEqualTo("PARTNER_USER");
    }

    @Test
    void tokensAreStoredHashed() {
        String token = callers.issue(Caller.crmUser("rep-1", "Rita Rep", "rita@example.com"));

        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token)).isNotEqualTo(token).hasSize(64);
        assertThat(callers.storedKeys()).contains(Tokens.hash(token)).doesNotContain(token);
        assertThat(api.get("/api/me", token).json("/id")).isEqualTo("rep-1");
    }

    @Test
    void validationErrorsAreProblemJsonWithFieldErrors() {
        ApiResponse response = api.post("/api/widgets", partnerUserToken, Map.of("name", " ", "quantity", -1));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json("/title")).isEqualTo("Unprocessable Content");
        assertThat(response.json("/errors/0/field")).isEqualTo("name");
        assertThat(response.json("/errors/0/message")).isEqualTo("must not be blank");
        assertThat(response.json("/errors/1/field")).isEqualTo("quantity");
        assertThat(response.size("/errors")).isEqualTo(2);
    }

    @Test
    void constrainedQueryParameterIs422NamingIt() {
        ApiResponse response = api.get("/api/widgets?limit=1000", partnerUserToken);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json("/errors/0/field")).isEqualTo("limit");
    }

    @Test
    void malformedJsonIs400() {
        ApiResponse response = api.post("/api/widgets", partnerUserToken, "{\"name\": \"a\", ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json("/detail")).startsWith("Malformed JSON");
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        ApiResponse response = api.post("/api/widgets", partnerUserToken, Map.of("name", "a", "quantity", "many"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json("/errors/0/field")).isEqualTo("quantity");
        assertThat(response.json("/detail")).contains("quantity").contains("number");
    }

    @Test
    void badUuidPathVariableIs400() {
        ApiResponse response = api.get("/api/widgets/not-a-uuid", partnerUserToken);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json("/detail")).isEqualTo("Path variable 'id' must be a UUID, got 'not-a-uuid'");
    }

    @Test
    void problemExceptionKeepsItsStatusAndDetail() {
        UUID id = UUID.randomUUID();
        ApiResponse response = api.get("/api/widgets/" + id, partnerUserToken);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json("/title")).isEqualTo("Not Found");
        assertThat(response.json("/detail")).isEqualTo("Widget " + id + " not found");
    }

    @Test
    void unknownPathIs404ProblemJson() {
        ApiResponse response = api.get("/api/no-such-thing", partnerUserToken);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json("/detail")).isEqualTo("No endpoint GET /api/no-such-thing");
    }

    @Test
    void wrongMethodIs405AndWrongContentTypeIs415() {
        ApiResponse wrongMethod = api.delete("/api/me", partnerUserToken);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.isProblem()).isTrue();
        assertThat(wrongMethod.header("Allow")).contains("GET");

        ApiResponse wrongType = api.postMultipart("/api/widgets", partnerUserToken, "file", "a.txt", "text/plain",
                new byte[] { 'a' });
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.isProblem()).isTrue();
    }

    @Test
    void aWriteWhoseAcceptAdmitsNoJsonIs406AndWritesNothing() {
        for (String accept : List.of("application/xml", "text/html", "application/json;q=0")) {
            long before = mongo.count(new Query(), Widget.class);
            ApiResponse refused = api.exchange("POST", "/api/widgets", Map.of("Authorization",
                    "Bearer " + partnerUserToken, "Accept", accept, "Content-Type", "application/json"),
                    ("{\"name\":\"accept " + UUID.randomUUID() + "\",\"quantity\":1}").getBytes(UTF_8));

            assertThat(refused.status()).as(accept + ": " + refused).isEqualTo(406);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
            assertThat(mongo.count(new Query(), Widget.class)).as(accept).isEqualTo(before);
        }
        ApiResponse json = api.exchange("POST", "/api/widgets", Map.of("Authorization", "Bearer " + partnerUserToken,
                "Accept", "text/html, application/json;q=0.1", "Content-Type", "application/json"),
                ("{\"name\":\"accept " + UUID.randomUUID() + "\",\"quantity\":1}").getBytes(UTF_8));
        assertThat(json.status()).as(json.toString()).isEqualTo(201);
    }

    @Test
    void aWildcardContentTypeIs415() {
        for (String type : List.of("*/*", "application/*", "application/*+json")) {
            ApiResponse refused = api.exchange("POST", "/api/widgets", Map.of("Authorization",
                    "Bearer " + partnerUserToken, "Content-Type", type), "{\"name\":\"w\",\"quantity\":1}"
                    .getBytes(UTF_8));

            assertThat(refused.status()).as(type + ": " + refused).isEqualTo(415);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        }
    }

    @Test
    void aNumberBeyondItsFieldOrTheReadersLimitsIs400SayingSo() {
        ApiResponse outOfRange = api.post("/api/widgets", partnerUserToken, "{\"name\":\"w\",\"quantity\":2147483648}");
        assertThat(outOfRange.status()).as(outOfRange.toString()).isEqualTo(400);
        assertThat(outOfRange.isProblem()).isTrue();
        assertThat(outOfRange.json("/detail")).contains("out of range");

        ApiResponse tooLong = api.post("/api/widgets", partnerUserToken,
                "{\"name\":\"w\",\"quantity\":1" + "0".repeat(1000) + "}");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json("/detail")).contains("limit of the JSON reader");
    }

    @Test
    void aQueryParameterThatIsNotUtf8Is400() {
        ApiResponse refused = api.get("/api/widgets?limit=%FF", partnerUserToken);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(refused.json("/detail")).contains("not valid percent-encoded UTF-8");
    }

    @Test
    void oversizedUploadIs413() {
        ApiResponse small = api.postMultipart("/api/uploads", partnerUserToken, "file", "a.bin",
                "application/octet-stream", new byte[100]);
        assertThat(small.status()).as(small.toString()).isEqualTo(201);

        ApiResponse large = api.postMultipart("/api/uploads", partnerUserToken, "file", "a.bin",
                "application/octet-stream", new byte[4096]);
        assertThat(large.status()).as(large.toString()).isEqualTo(413);
        assertThat(large.isProblem()).isTrue();
    }

    @Test
    void duplicateUniqueKeyIs409() {
        String name = "widget-" + UUID.randomUUID();
        assertThat(api.post("/api/widgets", partnerUserToken, Map.of("name", name, "quantity", 1)).status())
                .isEqualTo(201);

        ApiResponse duplicate = api.post("/api/widgets", partnerUserToken, Map.of("name", name, "quantity", 2));

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
    }

    @Test
    void unexpectedErrorIs500ProblemWithoutInternals() {
        ApiResponse response = api.get("/api/boom", partnerUserToken);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.bodyAsString()).doesNotContain("secret internal state").doesNotContain("Exception");
    }

    @Test
    void failureOutsideControllersIsProblemJson() {
        ApiResponse response = api.get("/api/me", TestCallers.FAILING_TOKEN);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json("/title")).isEqualTo("Internal Server Error");
        assertThat(response.bodyAsString()).doesNotContain("token store unavailable");
    }

    @Test
    void requestRefusedByTomcatIsProblemJson() {
        ApiResponse response = api.get("/api/%2Fadmin%2Fping", partnerUserToken);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json("/title")).isEqualTo("Bad Request");
    }

    @Test
    void healthShowsEveryoneTheStatusAndOnlyTheAdminItsComponents() {
        ApiResponse anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.json("/status")).isEqualTo("UP");
        assertThat(anonymous.node("/components").isMissingNode()).as(anonymous.toString()).isTrue();
        assertThat(api.get("/actuator/health", partnerUserToken).node("/components").isMissingNode()).isTrue();

        ApiResponse admin = api.get("/actuator/health", ADMIN_TOKEN);
        assertThat(admin.json("/components/mongo/status")).as(admin.toString()).isEqualTo("UP");
        assertThat(admin.json("/components/mongo/details/database")).isEqualTo("kit-test");
    }

    @Test
    void livenessAndReadinessProbesAnswerEveryoneTheirStatusAndOnlyTheAdminTheirMembers() {
        for (String probe : java.util.List.of("liveness", "readiness")) {
            ApiResponse anonymous = api.get("/actuator/health/" + probe, null);
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
            assertThat(anonymous.json("/status")).isEqualTo("UP");
            assertThat(anonymous.node("/components").isMissingNode()).as(anonymous.toString()).isTrue();
            assertThat(api.get("/actuator/health/" + probe, partnerUserToken).node("/components").isMissingNode())
                    .isTrue();
        }
        assertThat(api.get("/actuator/health/liveness", ADMIN_TOKEN).json("/components/livenessState/status"))
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", ADMIN_TOKEN).json("/components/readinessState/status"))
                .isEqualTo("UP");
    }

    @Test
    void metricsAnswerOnlyTheAdminToken() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", partnerUserToken).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", "not-a-token").status()).isEqualTo(401);

        ApiResponse prometheus = api.get("/actuator/prometheus", ADMIN_TOKEN);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.bodyAsString()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiDocsArePublicAndDocumentTheBearerScheme() {
        ApiResponse docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json("/components/securitySchemes/bearer/scheme")).isEqualTo("bearer");
        assertThat(docs.node("/paths/~1api~1me/get/parameters").isMissingNode()).isTrue();
    }
}
