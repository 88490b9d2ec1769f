package org.arcc.e2e.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The in-process collector of the end-to-end suite: an OTLP/HTTP receiver ({@code POST /v1/traces}, protobuf, as the
 * platform's exporters send it) that keeps every span it is sent. It reads only the fields the checks need (ids,
 * parent, name, kind, attributes, the sender's {@code service.name}) straight from the protobuf wire format, so it
 * needs no OpenTelemetry library of its own.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span. {@code kind} as OTLP numbers it: 2 server, 3 client, 4 producer, 5 consumer. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, String> attributes) {
    }

    static final int SERVER = 2;
    static final int CLIENT = 3;
    static final int CONSUMER = 5;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    /** Listens on the port of {@code endpoint} (e.g. {@code http://localhost:4318}), or on a free one when null. */
    OtlpReceiver(String endpoint) throws IOException {
        int port = endpoint == null ? 0 : URI.create(endpoint).getPort();
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Where exporters send to: {@code http://localhost:<port>}. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] request = body.readAllBytes();
            try {
                for (Field resourceSpans : new Message(request).all(1)) {
                    read(resourceSpans.message());
                }
            } catch (RuntimeException malformed) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    private void read(Message resourceSpans) {
        String service = null;
        for (Field resource : resourceSpans.all(1)) {
            service = attributes(resource.message()).get("service.name");
        }
        for (Field scopeSpans : resourceSpans.all(2)) {
            for (Field span : scopeSpans.message().all(2)) {
                Message s = span.message();
                spans.add(new ReceivedSpan(service, s.hex(1), s.hex(2), s.hex(4), s.string(5), (int) s.number(6),
                        attributes(s, 9)));
            }
        }
    }

    private static Map<String, String> attributes(Message holder) {
        return attributes(holder, 1);
    }

    private static Map<String, String> attributes(Message holder, int field) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field keyValue : holder.all(field)) {
            Message kv = keyValue.message();
            Message value = kv.all(2).isEmpty() ? new Message(new byte[0]) : kv.all(2).get(0).message();
            String text = value.string(1);
            attributes.put(kv.string(1), text != null ? text : value.all(3).isEmpty() ? "" : Long.toString(value.number(3)));
        }
        return attributes;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One field of a protobuf message: its number, and its bytes (LEN) or value (VARINT, I64, I32). */
    record Field(int number, byte[] bytes, long value) {
        Message message() {
            return new Message(bytes);
        }
    }

    /** A protobuf message read into its fields (the wire format: tag varint, then the value by wire type). */
    static final class Message {

        private final List<Field> fields = new java.util.ArrayList<>();

        Message(byte[] data) {
            int[] at = { 0 };
            while (at[0] < data.length) {
                long tag = varint(data, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, null, varint(data, at)));
                    case 1 -> {
                        fields.add(new Field(number, null, little(data, at[0], 8)));
                        at[0] += 8;
                    }
                    case 2 -> {
                        int length = (int) varint(data, at);
                        byte[] bytes = java.util.Arrays.copyOfRange(data, at[0], at[0] + length);
                        at[0] += length;
                        fields.add(new Field(number, bytes, 0));
                    }
                    case 5 -> {
                        fields.add(new Field(number, null, little(data, at[0], 4)));
                        at[0] += 4;
                    }
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7));
                }
            }
        }

        List<Field> all(int number) {
            return fields.stream().filter(f -> f.number() == number).toList();
        }

        String string(int number) {
            List<Field> found = all(number);
            return found.isEmpty() || found.get(0).bytes() == null ? null
                    : new String(found.get(0).bytes(), StandardCharsets.UTF_8);
        }

        String hex(int number) {
            List<Field> found = all(number);
            return found.isEmpty() || found.get(0).bytes() == null || found.get(0).bytes().length == 0 ? ""
                    : HexFormat.of().formatHex(found.get(0).bytes());
        }

        long number(int number) {
            List<Field> found = all(number);
            return found.isEmpty() ? 0 : found.get(0).value();
        }

        private static long varint(byte[] data, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private static long little(byte[] data, int from, int size) {
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                value = (value << 8) | (data[from + i] & 0xff);
            }
            return value;
        }
    }
}
