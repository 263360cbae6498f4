package com.dealbridge.local;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every mail for every address, logs a one-line summary and writes the
 * raw message as an {@code .eml} file, so a developer can open exactly what the services sent.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final GreenMail greenMail;
    private final Path mailDir;
    private final int port;
    private final AtomicInteger received = new AtomicInteger();
    // GreenMail delivers once per recipient; the same MovingMessage must be saved only once.
    private final Set<MimeMessage> saved = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private boolean closed;

    private MailCatcher(Path mailDir, int port) {
        this.mailDir = mailDir;
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, LocalStackSettings.HOST, ServerSetup.PROTOCOL_SMTP));
    }

    public static MailCatcher start(Path mailDir, int port) {
        try {
            Files.createDirectories(mailDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mail directory " + mailDir, e);
        }
        MailCatcher catcher = new MailCatcher(mailDir, port);
        catcher.greenMail.start();
        UserManager users = catcher.greenMail.getUserManager();
        MessageDeliveryHandler deliverToMailbox = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> catcher.onDelivery(message, recipient,
                deliverToMailbox));
        return catcher;
    }

    public int port() {
        return port;
    }

    public Path mailDir() {
        return mailDir;
    }

    /** Mails received since start (each counted once, however many recipients it had). */
    public int receivedCount() {
        return received.get();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        greenMail.stop();
    }

    private GreenMailUser onDelivery(MovingMessage message, MailAddress recipient, MessageDeliveryHandler next)
            throws MessagingException, UserException {
        MimeMessage mime = message.getMessage();
        if (saved.add(mime)) {
            int number = received.incrementAndGet();
            Path file = mailDir.resolve(FILE_TIME.format(Instant.now()) + "-" + number + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                mime.writeTo(out);
                log.info("Mail #{} to {}: \"{}\" -> {}", number, recipients(message), mime.getSubject(), file);
            } catch (IOException | MessagingException e) {
                // A mail that cannot be written must not make the sender's SMTP call fail.
                log.warn("Mail #{} to {} received but not saved to {}: {}", number, recipients(message), file,
                        e.getMessage());
            }
        }
        return next.handle(message, recipient);
    }

    private static String recipients(MovingMessage message) {
        return message.getToAddresses().stream().map(MailAddress::getEmail).collect(Collectors.joining(", "));
    }
}
