package com.dealbridge.local;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.crm.CrmServiceApplication;
import com.dealbridge.partner.PartnerServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts each service in this JVM, wired to the local infrastructure through command-line properties. */
final class ServiceApps {

    private ServiceApps() {
    }

    static ConfigurableApplicationContext startPartner(LocalStackSettings settings, String kafkaBootstrap,
            String mongoUri, int smtpPort) {
        List<String> args = common(settings.partnerPort(), kafkaBootstrap, mongoUri, LocalStack.PARTNER_ADMIN_TOKEN);
        mailTo(args, smtpPort);
        return run(PartnerServiceApplication.builder(), PartnerServiceApplication.class, args);
    }

    static ConfigurableApplicationContext startCrm(LocalStackSettings settings, String kafkaBootstrap,
            String mongoUri, int smtpPort) {
        List<String> args = common(settings.crmPort(), kafkaBootstrap, mongoUri, LocalStack.CRM_ADMIN_TOKEN);
        mailTo(args, smtpPort);
        args.add("--dealbridge.notifications.crm-base-url=http://" + LocalStackSettings.HOST + ":"
                + settings.crmPort());
        return run(CrmServiceApplication.builder(), CrmServiceApplication.class, args);
    }

    /** Both services mail their notifications to the stack's SMTP server. */
    private static void mailTo(List<String> args, int smtpPort) {
        args.add("--spring.mail.host=" + LocalStackSettings.HOST);
        args.add("--spring.mail.port=" + smtpPort);
    }

    /**
     * Command-line arguments, not builder default properties: they outrank the services' own YAML and any
     * KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI left in the developer's shell.
     */
    static List<String> common(int port, String kafkaBootstrap, String mongoUri, String adminToken) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + LocalStackSettings.HOST);
        args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap);
        args.add("--spring.mongodb.uri=" + mongoUri);
        AvroCodec.registryUrl().ifPresent(url -> args.add("--dealbridge.schema-registry.url=" + url));
        // The launcher hosts the MongoDB servers itself (one file per service under the data directory).
        args.add("--dealbridge.mongodb.embedded.enabled=false");
        args.add("--dealbridge.security.admin-token=" + adminToken);
        args.add("--spring.main.banner-mode=off");
        // Logging is shared by both services: the first one's name would label the other's lines too.
        args.add("--logging.include-application-name=false");
        // The launcher's shutdown hook stops services before the broker; logging must outlive them.
        args.add("--logging.register-shutdown-hook=false");
        return args;
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, Class<?> mainClass,
            List<String> args) {
        return builder
                // Start-up lines then name the service, not the launcher that happens to run it.
                .main(mainClass)
                // The launcher closes the contexts itself, in order, before the broker and databases go away.
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }
}
