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
        for (int attempt = 1;; attempt++) {
            process = launch();
            PidFile.write(settings, name(), process.pid());
            try {
                awaitReady(process);
                break;
            } catch (PlatformException e) {
                if (attempt == 3 || process.isAlive() || !portWasTaken(process.log())) {
                    throw e;
                }
                // Ports in the ephemeral range (e.g. 48180, 49092) can be held for a while by a client's own outgoing
                // connection, even one connected to itself while the component was down; it lets go within seconds.
                System.out.println("  " + name() + " found its port held by another socket; starting it again");
                process.awaitCondition(() -> ports().values().stream().allMatch(ProcessComponent::bindable),
                        Duration.ofSeconds(60), "get its ports free", false);
            }
        }
        System.out.printf("  %-10s %s%n", name(), readiness());
    }

    private static boolean portWasTaken(Path log) {
        try {
            String text = Files.readString(log);
            return text.contains("Address already in use") || text.contains("Port already bound");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bindable(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public final void stop() {
        if (process != null) {
            System.out.println("  stopping " + name());
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
        PidFile.forget(settings, name());
    }

    @Override
    public final void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
        PidFile.forget(settings, name());
    }

    @Override
    public final boolean running() {
        return process != null && process.isAlive();
    }


    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
