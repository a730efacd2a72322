package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while a new pair takes its version and is written, so that runs at the same moment, in this process or in
 * others on this machine, see each other's files. The lock file sits in the temporary directory, named after the
 * migrations directory, so that the migrations directory holds nothing but scripts.
 */
final class NewVersionLock implements AutoCloseable {

    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private NewVersionLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static NewVersionLock acquire(Path migrationsDirectory) {
        IN_THIS_PROCESS.lock();
        Path file = lockFile(migrationsDirectory);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new NewVersionLock(channel, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            IN_THIS_PROCESS.unlock();
            throw new MigrationEngineException("Cannot take the lock " + file + " that keeps two create runs from"
                    + " taking the same version: " + e.getMessage(), false, e);
        }
    }

    private static Path lockFile(Path migrationsDirectory) {
        Path directory;
        try {
            directory = migrationsDirectory.toRealPath();
        } catch (IOException e) {
            directory = migrationsDirectory.toAbsolutePath().normalize();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(directory.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"),
                    "assistant-migrate-create-" + HexFormat.of().formatHex(digest, 0, 8) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        } finally {
            closeQuietly(channel);
            IN_THIS_PROCESS.unlock();
        }
    }
}
