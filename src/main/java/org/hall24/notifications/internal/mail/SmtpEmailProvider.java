package org.hall24.notifications.internal.mail;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.notifications.EmailProvider;
import org.hall24.notifications.SendOutcome;
import org.hall24.shared.Masking;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends e-mail over SMTP with Spring's {@link JavaMailSender} ({@code spring.mail.*}): plain text
 * in UTF-8, the subject encoded for Chinese (RFC 2047), from {@code hall24.mail.from} with its
 * display name, marked {@code Auto-Submitted: auto-generated} (RFC 3834) so that out-of-office
 * replies stay away. Its {@code Message-ID} is derived from the outbox id alone, the same for every
 * attempt, so a resent message is recognisable (and a receiving server may drop the duplicate).
 * <p>
 * It answers, never throws: the server's 5xx reply (a recipient refused, a message rejected) is a
 * {@link SendOutcome.PermanentFailure}; a 4xx reply, a refused connection, a time-out
 * ({@code mail.smtp.connectiontimeout}, {@code timeout}, {@code writetimeout}) or a failed sign-in
 * (the account may be fixed before the retries run out) is a {@link SendOutcome.TemporaryFailure}.
 * Answers quote the server with every e-mail address in them masked; the log never holds the body
 * or an address in full. Thread-safe ({@link JavaMailSender} is).
 */
public final class SmtpEmailProvider implements EmailProvider {

    public static final String NAME = "smtp";

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailProvider.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[A-Za-z0-9.-]+");
    private static final int MAX_ANSWER = 300;

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String messageIdDomain;

    /**
     * @param from the sender, with its display name: {@code 九龙坡区24小时政务服务中心 <noreply@hall24.example>}
     */
    public SmtpEmailProvider(JavaMailSender sender, InternetAddress from) {
        this.sender = sender;
        this.from = from;
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The Message-ID of every attempt to send the outbox message {@code id}: {@code <id@sender's domain>}. */
    public String messageId(UUID id) {
        return "<" + id + "@" + messageIdDomain + ">";
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        String messageId = messageId(email.messageId());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(email.to(), true));
            helper.setSubject(email.subject());
            helper.setText(email.text(), false);
            message.setHeader("Auto-Submitted", "auto-generated");
            // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would make a new one).
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        }
        catch (MessagingException e) {
            // The message could not be built: the address is malformed, which no retry cures.
            return logged(email, new SendOutcome.PermanentFailure(answer("refused before sending", e)));
        }
        catch (MailException e) {
            return logged(email, failure(e));
        }
        catch (RuntimeException e) {
            return logged(email, new SendOutcome.TemporaryFailure(answer("unexpected failure", e)));
        }
        log.info("E-mail {} to {} accepted by the SMTP server as {}", email, Masking.email(email.to()), messageId);
        return new SendOutcome.Submitted(List.of(messageId), "250 accepted by the SMTP server");
    }

    private static SendOutcome logged(OutgoingEmail email, SendOutcome outcome) {
        log.warn("E-mail {} to {} not accepted ({}): {}", email, Masking.email(email.to()),
                outcome instanceof SendOutcome.PermanentFailure ? "permanent" : "temporary, retried", outcome.answer());
        return outcome;
    }

    /** What a failed send means: the first SMTP reply code in the causes decides; without one, how it failed. */
    static SendOutcome failure(MailException e) {
        List<Throwable> causes = causes(e);
        for (Throwable cause : causes) {
            Integer code = replyCode(cause);
            if (code != null && code >= 500) {
                return new SendOutcome.PermanentFailure(answer("refused", cause));
            }
            if (code != null && code >= 400) {
                return new SendOutcome.TemporaryFailure(answer("deferred", cause));
            }
        }
        if (e instanceof MailAuthenticationException || causes.stream().anyMatch(AuthenticationFailedException.class::isInstance)) {
            return new SendOutcome.TemporaryFailure(answer("sign-in to the SMTP server failed (spring.mail.username/password)", e));
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return new SendOutcome.PermanentFailure(answer("refused before sending", e));
        }
        for (Throwable cause : causes) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new SendOutcome.TemporaryFailure(answer("cannot connect to the SMTP server", cause));
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                return new SendOutcome.TemporaryFailure(answer("the SMTP server did not answer in time", cause));
            }
        }
        Throwable root = causes.get(causes.size() - 1);
        return new SendOutcome.TemporaryFailure(answer(e instanceof MailSendException ? "not sent" : "failed", root));
    }

    /**
     * The SMTP reply code of Angus Mail's {@code SMTPAddressFailedException},
     * {@code SMTPSenderFailedException} or {@code SMTPSendFailedException} ({@code getReturnCode()}),
     * read reflectively: Angus Mail is on the runtime class path only (the mail starter compiles
     * against the Jakarta Mail API).
     */
    private static @Nullable Integer replyCode(Throwable cause) {
        if (!(cause instanceof MessagingException) || !cause.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return null;
        }
        try {
            Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
            return code instanceof Integer number && number > 0 ? number : null;
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The exception and every cause, nested messaging exception and failed message's exception, breadth first. */
    private static List<Throwable> causes(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new java.util.ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>(List.of(e));
        while (!next.isEmpty() && all.size() < 50) {
            Throwable t = next.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t instanceof MailSendException send) {
                next.addAll(send.getFailedMessages().values());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                next.add(messaging.getNextException());
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
        }
        return all;
    }

    /** {@code refused: 550 5.1.1 <z***@x.invalid> mailbox unavailable}: one line, addresses masked, at most 300 characters. */
    static String answer(String what, Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        Matcher m = ADDRESS.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, Matcher.quoteReplacement(Masking.email(m.group())));
        }
        m.appendTail(masked);
        String answer = what + ": " + masked;
        return answer.length() > MAX_ANSWER ? answer.substring(0, MAX_ANSWER - 1) + "…" : answer;
    }
}
