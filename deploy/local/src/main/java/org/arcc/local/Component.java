package org.arcc.local;

import java.util.Map;

/**
 * One part of the platform the launcher starts: a process (or, for PostgreSQL, a server) with its ports. Adding a
 * service to the local platform is adding one of these to {@link LocalPlatform}'s list. Once the platform is up,
 * the same object starts, stops or kills its component again on an operator's request ({@link ComponentControl}),
 * with the same environment.
 */
interface Component {

    /** The name the launcher prints, names its log and pid file after, and the control commands take. */
    String name();

    /** The local ports it listens on, by what they are, checked free before the platform starts. */
    Map<String, Integer> ports();

    /** Starts it and returns once it is ready, having printed its ready line. */
    void start();

    /** Asks it to stop, and forces it after a grace period. Nothing happens when it is not running. */
    void stop();

    /** Ends it at once with SIGKILL (and anything it started), as a crash would. */
    void kill();

    boolean running();
}
