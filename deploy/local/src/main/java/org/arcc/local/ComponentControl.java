package org.arcc.local;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code arcc-local kill|stop|start|restart <component>} on a running platform (docs/operations.md): the command
 * drops a request file in {@code <home>/run/control/}, the running launcher carries it out with the component's own
 * environment and answers in a result file next to it, which the command prints. Only someone who can write the
 * platform's home can ask; nothing listens on the network.
 */
final class ComponentControl {

    static final List<String> ACTIONS = List.of("kill", "stop", "start", "restart");
    private static final String REQUEST = ".request";
    private static final String RESULT = ".result";
    /** Keycloak may take minutes to start on a loaded machine; the launcher's own limit for it is 480 s. */
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(10);

    private ComponentControl() {
    }

    private static Path directory(LocalSettings settings) {
        return settings.run().resolve("control");
    }

    /** The command's side: asks the running launcher, prints its answer; the exit code (0 when done). */
    static int ask(LocalSettings settings, String action, String component) {
        if (!LocalPlatform.runningPid(settings).isPresent()) {
            System.err.println("ARCC platform is not running (no live launcher for " + settings.home() + ")");
            return 1;
        }
        String id = UUID.randomUUID().toString();
        Path dir = directory(settings);
        Path result = dir.resolve(id + RESULT);
        try {
            Files.createDirectories(dir);
            Path draft = dir.resolve(id + ".draft");
            Files.writeString(draft, action + " " + component + "\n");
            Files.move(draft, dir.resolve(id + REQUEST), StandardCopyOption.ATOMIC_MOVE);
            long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
            while (!Files.exists(result)) {
                if (System.nanoTime() > deadline) {
                    System.err.println("The launcher did not answer within " + ANSWER_WITHIN.toMinutes() + " min");
                    return 1;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            String answer = Files.readString(result).trim();
            Files.deleteIfExists(result);
            boolean done = answer.startsWith("ok ");
            (done ? System.out : System.err).println(answer.substring(answer.indexOf(' ') + 1));
            return done ? 0 : 1;
        } catch (IOException e) {
            System.err.println("Cannot ask the launcher through " + dir + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The launcher's side: carries out requests as they arrive, until the thread is interrupted or the watch closes.
     * {@code perform} gets the action and component name and returns the answer ({@code ok ...} or {@code failed ...}).
     */
    static void serve(LocalSettings settings, BiFunction<String, String, String> perform) {
        Path dir = directory(settings);
        try {
            Files.createDirectories(dir);
            try (WatchService watch = dir.getFileSystem().newWatchService()) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                while (!Thread.currentThread().isInterrupted()) {
                    answerPending(dir, perform);
                    var key = watch.poll(1, TimeUnit.SECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            // the launcher is stopping
        } catch (IOException e) {
            throw new PlatformException("Cannot watch " + dir + " for control requests: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answerPending(Path dir, BiFunction<String, String, String> perform) throws IOException {
        List<Path> requests;
        try (Stream<Path> files = Files.list(dir)) {
            requests = files.filter(f -> f.getFileName().toString().endsWith(REQUEST)).sorted().toList();
        }
        for (Path request : requests) {
            String[] words = Files.readString(request).trim().split("\\s+");
            Files.deleteIfExists(request);
            String answer = words.length == 2 && ACTIONS.contains(words[0]) ? perform.apply(words[0], words[1])
                    : "failed usage: arcc-local " + String.join("|", ACTIONS) + " <component>";
            String name = request.getFileName().toString();
            Path draft = dir.resolve(name.replace(REQUEST, ".answer"));
            Files.writeString(draft, answer + "\n");
            Files.move(draft, dir.resolve(name.replace(REQUEST, RESULT)), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The answer to one request, given the platform's components by name. */
    static String perform(Map<String, Component> components, String action, String name) {
        Component component = components.get(name);
        if (component == null) {
            return "failed no component " + name + " is run by this launcher; it runs " + String.join(", ", components.keySet());
        }
        try {
            switch (action) {
                case "kill" -> {
                    component.kill();
                    System.out.println("  killed " + name + " (SIGKILL)");
                    return "ok killed " + name + " (SIGKILL)";
                }
                case "stop" -> {
                    component.stop();
                    return "ok stopped " + name;
                }
                case "start" -> {
                    if (component.running()) {
                        return "ok " + name + " is already running";
                    }
                    component.start();
                    return "ok started " + name;
                }
                default -> {
                    component.stop();
                    component.start();
                    return "ok restarted " + name;
                }
            }
        } catch (PlatformException e) {
            return "failed " + e.getMessage();
        }
    }
}
