package org.arcc.e2e.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the suite's {@link OtlpReceiver} before the first IT starts the platform, and tells the platform to export
 * its traces there: {@code PlatformUnderTest} passes the system property {@code arcc.otlp.endpoint} to the launcher as
 * {@code ARCC_OTLP_ENDPOINT}. Registered for every IT of the module (auto-detected, junit-platform.properties), so it
 * runs before {@code PlatformUnderTest}. With a platform started outside the tests ({@code -Darcc.platform.home}),
 * start it with {@code ARCC_OTLP_ENDPOINT} set and give the tests the same variable: the receiver listens there.
 */
public final class TraceCollection implements BeforeAllCallback {

    private static OtlpReceiver receiver;

    @Override
    public void beforeAll(ExtensionContext context) {
        receiver();
    }

    static synchronized OtlpReceiver receiver() {
        if (receiver == null) {
            try {
                receiver = new OtlpReceiver(System.getenv("ARCC_OTLP_ENDPOINT"));
            } catch (IOException e) {
                throw new UncheckedIOException("The OTLP receiver of the suite could not listen", e);
            }
            System.setProperty("arcc.otlp.endpoint", receiver.endpoint());
        }
        return receiver;
    }
}
