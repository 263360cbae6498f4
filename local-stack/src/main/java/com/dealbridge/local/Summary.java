package com.dealbridge.local;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The block printed once everything runs: where to point a browser, curl or Kafka client, and as whom. */
final class Summary {

    private Summary() {
    }

    static String render(LocalStackSettings settings, Map<String, String> health, SeedFile seeds,
                         Map<String, String> invitations, Duration startup) {
        StringBuilder out = new StringBuilder();
        String rule = "=".repeat(100);
        out.append('\n').append(rule).append('\n');
        out.append(String.format(Locale.ROOT, " dealbridge local stack is running (ready %.1f s after launch)%n",
                startup.toMillis() / 1000.0));
        out.append(rule).append('\n');
        service(out, "partner-service", settings.partnerUrl(), health.get("partner-service"));
        service(out, "crm-service", settings.crmUrl(), health.get("crm-service"));
        row(out, "Kafka bootstrap", LocalStackSettings.HOST + ":" + settings.kafkaPort()
                + "   (KRaft controller " + LocalStackSettings.HOST + ":" + settings.kafkaControllerPort() + ")");
        row(out, "Schema registry", settings.schemaRegistryUrl() + "   (Confluent API " + settings.schemaRegistryUrl()
                + "/apis/ccompat/v7)");
        row(out, "SMTP", LocalStackSettings.HOST + ":" + settings.smtpPort()
                + "   every mail is saved as .eml in " + settings.mailDir());
        row(out, "MongoDB", "partner mongodb://" + LocalStackSettings.HOST + ":" + settings.partnerMongoPort()
                + "/partner   crm mongodb://" + LocalStackSettings.HOST + ":" + settings.crmMongoPort() + "/crm");
        row(out, "Data directory", settings.dataDir() + "   (delete it to start from scratch)");
        out.append('\n').append(" Tokens (Authorization: Bearer <token>), also in ").append(seeds.path()).append('\n');
        token(out, "partner admin", "/admin/** on partner-service", LocalStack.PARTNER_ADMIN_TOKEN);
        token(out, "crm admin", "/admin/** on crm-service", LocalStack.CRM_ADMIN_TOKEN);
        seeds.get("partner.id").ifPresent(id -> row(out, "partner", seeds.get("partner.name").orElse("")
                + "   id " + id));
        for (DemoSeeder.Person user : DemoSeeder.PARTNER_USERS) {
            person(out, "partner user", "partner-user." + user.key(), seeds);
        }
        for (DemoSeeder.Person rep : DemoSeeder.SALES_REPS) {
            person(out, "sales rep", "sales-rep." + rep.key(), seeds);
        }
        for (DemoSeeder.Person admin : DemoSeeder.ADMIN_REPS) {
            person(out, "admin rep", "sales-rep." + admin.key(), seeds);
        }
        if (!invitations.isEmpty()) {
            out.append('\n').append(" Partner portal sign-in (").append(settings.partnerUrl())
                    .append("/): open a link, choose a password, then sign in with the e-mail address\n");
            for (DemoSeeder.Person user : DemoSeeder.PARTNER_USERS) {
                String link = invitations.get("partner-user." + user.key());
                if (link != null) {
                    token(out, "sign-in link", user.name() + " <" + user.email() + ">", link);
                }
            }
            out.append('\n').append(" CRM workspace sign-in (").append(settings.crmUrl())
                    .append("/): the same, for the sales reps (an admin rep also has Sync health, Sales reps, Products)\n");
            for (DemoSeeder.Person rep : DemoSeeder.SALES_REPS) {
                String link = invitations.get("sales-rep." + rep.key());
                if (link != null) {
                    token(out, "sign-in link", rep.name() + " <" + rep.email() + ">", link);
                }
            }
            for (DemoSeeder.Person admin : DemoSeeder.ADMIN_REPS) {
                String link = invitations.get("sales-rep." + admin.key());
                if (link != null) {
                    token(out, "admin sign-in", admin.name() + " <" + admin.email() + ">", link);
                }
            }
        }
        if (!seeds.isComplete()) {
            out.append(" ! Demo data is incomplete (see the error above); the next start tries again.\n");
        }
        out.append(rule).append('\n');
        out.append(" Ctrl-C stops everything; data stays in the data directory.\n");
        return out.toString();
    }

    private static void service(StringBuilder out, String name, String url, String health) {
        row(out, name, url + "   health " + (health == null ? "unknown" : health));
        row(out, "", url + "/swagger-ui.html   " + url + "/actuator/health");
    }

    private static void person(StringBuilder out, String role, String prefix, SeedFile seeds) {
        seeds.get(prefix + ".token").ifPresent(token -> token(out, role,
                seeds.get(prefix + ".name").orElse("") + " <" + seeds.get(prefix + ".email").orElse("") + ">",
                token));
    }

    private static void token(StringBuilder out, String role, String who, String token) {
        out.append(String.format(Locale.ROOT, "   %-14s %-44s %s%n", role, who, token));
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, " %-16s %s%n", label, value));
    }
}
