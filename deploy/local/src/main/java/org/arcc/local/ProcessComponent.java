package org.arcc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A component running in a child process of the launcher; its pid is kept in {@code <home>/run/<name>.pid} while it
 * runs, so an operator can see (or signal) it.
 */
abstract class ProcessComponent implements Component {

    protected final LocalSettings settings;
    private ChildProcess process;

    ProcessComponent(LocalSettings settings) {
        this.settings = settings;
    }

    /** Starts the process; {@link #awaitReady} follows. */
    abstract ChildProcess launch();

    /** Returns once the process answers; fails early (with its log) if it dies first. */
    abstract void awaitReady(ChildProcess process);

    /** What follows the name in the ready line, e.g. {@code ready at http://localhost:8081}. */
    abstract String readiness();

    @Override
    public final void start() {
        process = launch();
        ChildProcess.write(pidFile(), Long.toString(process.pid()));
        awaitReady(process);
        System.out.printf("  %-10s %s%n", name(), readiness());
    }

    @Override
    public final void stop() {
        if (process != null) {
            System.out.println("  stopping " + name());
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
        forgetPid();
    }

    @Override
    public final void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
        forgetPid();
    }

    @Override
    public final boolean running() {
        return process != null && process.isAlive();
    }

    private Path pidFile() {
        return settings.run().resolve(name() + ".pid");
    }

    private void forgetPid() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // a stale pid file names a process that is gone; nothing reads it without checking
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
