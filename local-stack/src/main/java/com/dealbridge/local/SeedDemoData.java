package com.dealbridge.local;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the local stack's demo data into services that run elsewhere (docker-compose's one-shot {@code seed}
 * container): waits until both answer UP, creates what {@code tokens.properties} does not record yet through
 * their admin endpoints, then prints the tokens and a fresh sign-in link per demo partner user and sales rep. Run again, it
 * creates nothing twice. Settings from the environment: {@code PARTNER_URL}, {@code CRM_URL} (defaults
 * {@code http://127.0.0.1:8081} and {@code :8082}), {@code PARTNER_ADMIN_TOKEN}, {@code CRM_ADMIN_TOKEN} (required),
 * {@code TOKENS_FILE} (default {@code ./data/tokens.properties}), {@code SEED_WAIT} (how long to wait for the
 * services, ISO-8601, default {@code PT5M}). Exits 0 when the demo data is complete, 1 when it is not, 2 on bad
 * settings.
 */
public final class SeedDemoData {

    record Settings(String partnerUrl, String crmUrl, String partnerAdminToken, String crmAdminToken, Path tokensFile,
                    Duration healthTimeout) {

        /** @throws IllegalArgumentException naming the variable that is missing or unreadable */
        static Settings from(Map<String, String> env) {
            String partnerToken = required(env, "PARTNER_ADMIN_TOKEN");
            String crmToken = required(env, "CRM_ADMIN_TOKEN");
            Duration wait;
            try {
                wait = Duration.parse(env.getOrDefault("SEED_WAIT", "PT5M"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("SEED_WAIT must be an ISO-8601 duration such as PT5M, was "
                        + env.get("SEED_WAIT"));
            }
            return new Settings(url(env, "PARTNER_URL", "http://127.0.0.1:8081"),
                    url(env, "CRM_URL", "http://127.0.0.1:8082"), partnerToken, crmToken,
                    Path.of(env.getOrDefault("TOKENS_FILE", "data/tokens.properties")), wait);
        }

        private static String required(Map<String, String> env, String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required (the service's admin token)");
            }
            return value.trim();
        }

        private static String url(Map<String, String> env, String name, String fallback) {
            String value = env.getOrDefault(name, fallback).trim();
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }
    }

    private SeedDemoData() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("seed: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out) ? 0 : 1);
    }

    /** @return whether the demo data is complete */
    static boolean run(Settings settings, PrintStream out) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("partner-service", settings.partnerUrl());
        urls.put("crm-service", settings.crmUrl());
        Map<String, String> health = new HealthProbe(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .build(), JsonMapper.builder().build()).awaitUp(urls, settings.healthTimeout());
        if (!health.values().stream().allMatch("UP"::equals)) {
            out.println("seed: the services are not UP after " + settings.healthTimeout() + ": " + health);
            return false;
        }
        SeedFile seeds = SeedFile.load(settings.tokensFile());
        DemoSeeder seeder = DemoSeeder.against(settings.partnerUrl(), settings.partnerAdminToken(),
                settings.crmUrl(), settings.crmAdminToken(), seeds);
        Map<String, String> invitations = Map.of();
        try {
            seeder.seed();
            invitations = seeder.invitations();
        } catch (SeedingException e) {
            out.println("seed: demo data is incomplete: " + e.getMessage() + " (run again to resume)");
        }
        out.println("Demo data in " + seeds.path() + (seeds.isComplete() ? "" : " (incomplete)") + ":");
        seeds.get("partner.id").ifPresent(id -> out.println("  partner " + seeds.get("partner.name").orElse("")
                + "  id " + id));
        print(out, "partner user", "partner-user.", DemoSeeder.PARTNER_USERS, seeds, invitations);
        print(out, "sales rep", "sales-rep.", DemoSeeder.SALES_REPS, seeds, invitations);
        print(out, "admin rep", "sales-rep.", DemoSeeder.ADMIN_REPS, seeds, invitations);
        return seeds.isComplete();
    }

    private static void print(PrintStream out, String role, String prefix, Iterable<DemoSeeder.Person> people,
                              SeedFile seeds, Map<String, String> invitations) {
        for (DemoSeeder.Person person : people) {
            String key = prefix + person.key();
            seeds.get(key + ".token").ifPresent(token -> out.println("  " + role + " " + person.name() + " <"
                    + person.email() + ">  token " + token
                    + (invitations.containsKey(key) ? "  sign-in link " + invitations.get(key) : "")));
        }
    }
}
