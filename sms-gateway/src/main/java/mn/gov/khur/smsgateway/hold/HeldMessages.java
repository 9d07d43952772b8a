package mn.gov.khur.smsgateway.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import mn.gov.khur.smsgateway.webhook.InboundSms;
import org.jboss.logging.Logger;

/**
 * SMS the webhook refused with 401, 404 or another 4xx that is not about the SMS itself (a secret rotated on one
 * side only, a wrong route): kept on disk, one JSON file per SMS in one directory (owner-only permissions), so they
 * survive a bridge restart and are delivered with their own messageId once the webhook accepts again
 * ({@link HeldMessageDelivery}). Bounded: at most {@code maxMessages} (beyond it {@link #hold} says no and the SMSC
 * keeps the SMS), each for at most {@code maxAge} (then dropped, logged and counted: by then its code has long
 * expired).
 */
public final class HeldMessages implements MessageHold {

    /** One kept SMS: when it was first kept and the webhook's last refusal. */
    public record Held(InboundSms sms, Instant heldAt, int lastStatus) {
    }

    /** The file's form (epoch milliseconds: no Java-time module needed to read it back). */
    private record Stored(InboundSms sms, long heldAtEpochMilli, int lastStatus) {
        Held held() {
            return new Held(sms, Instant.ofEpochMilli(heldAtEpochMilli), lastStatus);
        }
    }

    private static final Logger LOG = Logger.getLogger(HeldMessages.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final int maxMessages;
    private final Duration maxAge;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @throws IllegalStateException when the directory cannot be created or written: a start without a hold would lose SMS */
    public HeldMessages(Path directory, int maxMessages, Duration maxAge, Clock clock) {
        if (maxMessages < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("hold-max-messages and hold-max-age must be positive");
        }
        this.directory = directory;
        this.maxMessages = maxMessages;
        this.maxAge = maxAge;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
            if (!Files.isWritable(directory)) {
                throw new IOException("not writable");
            }
        } catch (IOException e) {
            throw new IllegalStateException("khur.gateway.hold-directory " + directory + " is not usable: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean hold(InboundSms sms, int httpStatus) {
        if (!SAFE_ID.matcher(sms.messageId()).matches()) {
            return false;
        }
        Path file = fileOf(sms.messageId());
        if (!Files.exists(file) && count() >= maxMessages) {
            LOG.errorf("event=hold_full messageId=%s held=%d: the SMSC keeps it", sms.messageId(), maxMessages);
            return false;
        }
        try {
            write(file, new Held(sms, heldAtOf(file).orElse(clock.instant()), httpStatus));
            return true;
        } catch (IOException e) {
            LOG.errorf("event=hold_failed messageId=%s error=%s: the SMSC keeps it", sms.messageId(), e.toString());
            return false;
        }
    }

    /** Every kept SMS, oldest first; unreadable files are logged and left alone. */
    public synchronized List<Held> oldestFirst() {
        List<Held> held = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    held.add(json.readValue(file.toFile(), Stored.class).held());
                } catch (IOException e) {
                    LOG.errorf("event=hold_unreadable file=%s error=%s", file.getFileName(), e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.errorf("event=hold_unlistable error=%s", e.toString());
        }
        held.sort(Comparator.comparing(Held::heldAt));
        return held;
    }

    /** The webhook refused it again: remember the latest status. */
    public synchronized void refusedAgain(Held held, int httpStatus) {
        Path file = fileOf(held.sms().messageId());
        if (Files.exists(file)) {
            try {
                write(file, new Held(held.sms(), held.heldAt(), httpStatus));
            } catch (IOException e) {
                LOG.warnf("event=hold_update_failed messageId=%s error=%s", held.sms().messageId(), e.toString());
            }
        }
    }

    /** Delivered, refused for good or expired: forget it. */
    public synchronized void release(Held held) {
        try {
            Files.deleteIfExists(fileOf(held.sms().messageId()));
        } catch (IOException e) {
            LOG.errorf("event=hold_release_failed messageId=%s error=%s", held.sms().messageId(), e.toString());
        }
    }

    public boolean expired(Held held) {
        return held.heldAt().plus(maxAge).isBefore(clock.instant());
    }

    public synchronized int count() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            int n = 0;
            for (Path ignored : files) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    public Path directory() {
        return directory;
    }

    private Path fileOf(String messageId) {
        return directory.resolve(messageId + SUFFIX);
    }

    private Optional<Instant> heldAtOf(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Stored.class).held().heldAt());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Written whole or not at all: a temporary file moved into place. */
    private void write(Path file, Held held) throws IOException {
        Path temporary = Files.createTempFile(directory, "held-", ".tmp");
        try {
            ownerOnly(temporary, "rw-------");
            Files.write(temporary, json.writeValueAsBytes(new Stored(held.sms(), held.heldAt().toEpochMilli(), held.lastStatus())));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: its default permissions apply
        }
    }
}
