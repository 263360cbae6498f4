package com.dealbridge.local;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the demo data through the services' real admin endpoints: one partner with two users, three sales
 * reps, four products and one admin rep (a sales rep who also opens the workspace's admin pages). Each created thing is recorded in the {@link SeedFile} at once; a step already
 * recorded is skipped, so a seeding cut short (service not ready, endpoint missing) resumes on the next start.
 */
final class DemoSeeder {

    record Person(String key, String name, String email) {
    }

    record Product(String key, String name, String sku, String unitPrice) {
    }

    static final String PARTNER_NAME = "Acme Partners";
    static final int PARTNER_CAPACITY = 5;
    static final List<Person> PARTNER_USERS = List.of(
            new Person("alice", "Alice Archer", "alice@acme-partners.example"),
            new Person("bob", "Bob Brennan", "bob@acme-partners.example"));
    static final List<Person> SALES_REPS = List.of(
            new Person("rita", "Rita Reyes", "rita@vendor.example"),
            new Person("sam", "Sam Sato", "sam@vendor.example"),
            new Person("tess", "Tess Tanaka", "tess@vendor.example"));
    /** Reps created with {@code admin: true}: they also open Sync health, Sales reps and Products. */
    static final List<Person> ADMIN_REPS = List.of(new Person("ada", "Ada Admin", "ada@vendor.example"));
    static final List<Product> PRODUCTS = List.of(
            new Product("starter", "Starter plan", "PLAN-STARTER", "49.00"),
            new Product("growth", "Growth plan", "PLAN-GROWTH", "199.00"),
            new Product("enterprise", "Enterprise plan", "PLAN-ENTERPRISE", "999.00"),
            new Product("onboarding", "Onboarding package", "SRV-ONBOARDING", "1500.00"));

    private final AdminApi partner;
    private final AdminApi crm;
    private final SeedFile seeds;

    /** Against the two services' admin endpoints at these addresses, with their admin tokens. */
    static DemoSeeder against(String partnerUrl, String partnerAdminToken, String crmUrl, String crmAdminToken,
                              SeedFile seeds) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonMapper json = JsonMapper.builder().build();
        return new DemoSeeder(new AdminApi(http, json, "partner-service", partnerUrl, partnerAdminToken),
                new AdminApi(http, json, "crm-service", crmUrl, crmAdminToken), seeds);
    }

    DemoSeeder(AdminApi partner, AdminApi crm, SeedFile seeds) {
        this.partner = partner;
        this.crm = crm;
        this.seeds = seeds;
    }

    void seed() throws SeedingException {
        if (!seeds.isComplete()) {
            String partnerId = seedPartner();
            for (Person user : PARTNER_USERS) {
                seedPerson(partner, "/admin/partners/" + partnerId + "/users", "partner-user." + user.key(), user,
                        Map.of());
            }
            for (Person rep : SALES_REPS) {
                seedPerson(crm, "/admin/sales-reps", "sales-rep." + rep.key(), rep, Map.of());
            }
            for (Product product : PRODUCTS) {
                seedProduct(product);
            }
            seeds.markComplete();
        }
        // after the completeness mark: a data directory seeded before admin reps existed gets them on its next start
        for (Person admin : ADMIN_REPS) {
            seedPerson(crm, "/admin/sales-reps", "sales-rep." + admin.key(), admin, Map.of("admin", true));
        }
    }

    /**
     * A fresh sign-in link for each seeded partner user and sales rep (the portal's and the CRM workspace's
     * invitation: opening it sets the password), by the person's seed prefix. Asked for on every start, so the printed links always work; in the local stack
     * only, where whoever reads the console is the developer.
     */
    Map<String, String> invitations() throws SeedingException {
        Map<String, String> links = new LinkedHashMap<>();
        var partnerId = seeds.get("partner.id");
        if (partnerId.isEmpty()) {
            return links;
        }
        for (Person user : PARTNER_USERS) {
            String prefix = "partner-user." + user.key();
            var userId = seeds.get(prefix + ".id");
            if (userId.isPresent()) {
                String path = "/admin/partners/" + partnerId.get() + "/users/" + userId.get() + "/invitation";
                JsonNode invitation = partner.post(path, Map.of());
                links.put(prefix, AdminApi.field(invitation, "invitationUrl", "POST " + path));
            }
        }
        for (Person rep : allReps()) {
            String prefix = "sales-rep." + rep.key();
            var repId = seeds.get(prefix + ".id");
            if (repId.isPresent()) {
                String path = "/admin/sales-reps/" + repId.get() + "/invitation";
                links.put(prefix, AdminApi.field(crm.post(path, Map.of()), "invitationUrl", "POST " + path));
            }
        }
        return links;
    }

    /** The sales reps, then the admin reps. */
    static List<Person> allReps() {
        return Stream.concat(SALES_REPS.stream(), ADMIN_REPS.stream()).toList();
    }

    private String seedPartner() throws SeedingException {
        var existing = seeds.get("partner.id");
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", PARTNER_NAME);
        body.put("capacityLimit", PARTNER_CAPACITY);
        JsonNode created = partner.post("/admin/partners", body);
        String id = AdminApi.field(created, "id", "POST /admin/partners");
        seeds.put("partner.name", PARTNER_NAME);
        seeds.put("partner.id", id);
        return id;
    }

    private void seedPerson(AdminApi api, String path, String prefix, Person person, Map<String, Object> extra)
            throws SeedingException {
        if (seeds.get(prefix + ".token").isPresent()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("name", person.name());
        body.put("email", person.email());
        JsonNode created = api.post(path, body);
        String call = "POST " + path;
        String id = AdminApi.field(created, "id", call);
        String token = AdminApi.field(created, "token", call);
        seeds.put(prefix + ".name", person.name());
        seeds.put(prefix + ".email", person.email());
        seeds.put(prefix + ".id", id);
        // The token goes last: its presence marks the step as done.
        seeds.put(prefix + ".token", token);
    }

    private void seedProduct(Product product) throws SeedingException {
        String prefix = "product." + product.key();
        if (seeds.get(prefix + ".id").isPresent()) {
            return;
        }
        // Money travels as a decimal string (API.md), never as a binary floating-point number.
        JsonNode created = crm.post("/admin/products",
                Map.of("name", product.name(), "sku", product.sku(), "unitPrice", product.unitPrice()));
        String id = AdminApi.field(created, "id", "POST /admin/products");
        seeds.put(prefix + ".name", product.name());
        seeds.put(prefix + ".sku", product.sku());
        seeds.put(prefix + ".id", id);
    }
}
