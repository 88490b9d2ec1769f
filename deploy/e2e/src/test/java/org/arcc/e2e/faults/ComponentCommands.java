package org.arcc.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.arcc.local.PlatformUnderTest;

/**
 * The operator's commands on the running platform, as an operator types them:
 * {@code deploy/local/arcc-local kill|stop|start|restart <component>} (docs/operations.md), with the platform's
 * home and ports from this JVM's environment.
 */
final class ComponentCommands {

    private ComponentCommands() {
    }

    /** SIGKILL, as a crash. */
    static Duration kill(String component) {
        return run("kill", component);
    }

    /** Starts it again (stopping it first if it runs); returns once it answers. */
    static Duration restart(String component) {
        return run("restart", component);
    }

    static Duration stop(String component) {
        return run("stop", component);
    }

    static Duration start(String component) {
        return run("start", component);
    }

    private static Duration run(String action, String component) {
        long started = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder("bash",
                    PlatformUnderTest.ROOT.resolve("deploy/local/arcc-local").toString(), action, component)
                    .directory(PlatformUnderTest.ROOT.toFile()).redirectErrorStream(true);
            builder.environment().put("ARCC_LOCAL_HOME", PlatformUnderTest.platform().home().toString());
            Process process = builder.start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(11, TimeUnit.MINUTES);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            System.out.println("[arcc-local " + action + " " + component + "] " + output);
            assertThat(ended && process.exitValue() == 0).as("arcc-local " + action + " " + component + ": " + output)
                    .isTrue();
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            throw new AssertionError("arcc-local " + action + " " + component + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
