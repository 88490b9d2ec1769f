package org.arcc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A running component's pid, kept in {@code <home>/run/<component>.pid} while the launcher runs it. */
final class PidFile {

    private PidFile() {
    }

    static Path of(LocalSettings settings, String component) {
        return settings.run().resolve(component + ".pid");
    }

    static void write(LocalSettings settings, String component, long pid) {
        ChildProcess.write(of(settings, component), Long.toString(pid));
    }

    /** Removes it once the component has stopped; a stale file names a process that is gone. */
    static void forget(LocalSettings settings, String component) {
        try {
            Files.deleteIfExists(of(settings, component));
        } catch (IOException ignored) {
            // nothing reads a pid file without checking that its process is alive
        }
    }
}
