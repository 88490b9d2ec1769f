package org.arcc.common.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.arcc.common.problem.Problem;
import org.arcc.vocabulary.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes every {@code /api/v1} operation of a service's OpenAPI document the same way, so that resources
 * only say what is particular to them ({@code @Operation} summaries):
 * <ul>
 * <li>the bearer-token security requirement (tokens from the ARCC identity provider), listing the roles of
 * {@code @RolesAllowed};</li>
 * <li>the optional {@code Idempotency-Key} header on every POST;</li>
 * <li>the problem responses it can give, each an RFC 9457 {@code application/problem+json} with the shared
 * {@code Problem} schema and an example: 400, 401 and 403 always; 404 on paths with an id; 409 and 422 on POST
 * (state conflicts, consent required, a reused {@code Idempotency-Key}); 413 and 415 with a request body; 412
 * with an {@code If-Match} header; and any the service lists for the operation;</li>
 * <li>request and success-response examples from the service's {@code META-INF/openapi-examples.json}, keyed by
 * {@code "METHOD /path"}: {@code {"request": …, "response": {"201": …}, "problems": [410]}} (a response of
 * {@code null} documents a status without a body, e.g. 204). {@code "public": true} marks an operation anyone may
 * call without a token (no security requirement, no 401 or 403; the gateway rate-limits such routes).</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    public static final String EXAMPLES = "META-INF/openapi-examples.json";
    static final String SCHEME = "bearer";
    static final String SIGN_IN = "signIn";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String API = "/api/v1";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, JsonNode> examples = examples();
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("Access token from the ARCC identity provider (Keycloak realm arcc, audience arcc-api). "
                        + "Staff tokens carry a cell claim, partner tokens a partner claim."));
        String oidc = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("arcc.openapi.oidc-url", String.class).orElse("http://localhost:8180/realms/arcc");
        components.addSecurityScheme(SIGN_IN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Sign in as a person (authorization code with PKCE, public client arcc-web): what the "
                        + "gateway's Swagger UI uses for Try it out. Machine clients use bearer tokens.")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(oidc + "/protocol/openid-connect/auth")
                        .tokenUrl(oidc + "/protocol/openid-connect/token")
                        .scopes(new java.util.TreeMap<>(Map.of("openid", "OpenID Connect sign-in"))))));
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        allowNullWhereNotRequired(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(API)) {
                return;
            }
            item.getOperations().forEach((method, operation) -> complete(method, path, operation,
                    examples.get(method.name() + " " + path)));
        });
    }

    /**
     * The API writes {@code null} for a field it has no value for (a case not yet closed has
     * {@code "closedAt": null}), and accepts {@code null} for an optional field. So every property that a schema
     * does not list as required may be {@code null}: in OpenAPI 3.1, {@code type: [string, "null"]}, or for a
     * reference {@code anyOf: [{$ref}, {type: "null"}]}. Generated clients then type these fields as nullable
     * instead of breaking on the first {@code null}.
     */
    static void allowNullWhereNotRequired(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
            schema.setProperties(properties);
        });
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    private static void complete(PathItem.HttpMethod method, String path, Operation operation, JsonNode example) {
        // Quarkus names the roles of @RolesAllowed in a requirement of its own scheme; keep them, under ours.
        List<String> roles = operation.getSecurity() == null ? List.of() : operation.getSecurity().stream()
                .flatMap(r -> r.getSchemes().values().stream()).filter(java.util.Objects::nonNull)
                .flatMap(List::stream).distinct().toList();
        boolean open = example != null && example.path("public").asBoolean(false);
        operation.setSecurity(open ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, roles),
                        OASFactory.createSecurityRequirement().addScheme(SIGN_IN, List.of()))));
        if (method == PathItem.HttpMethod.POST && (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())))) {
            operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .required(false).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .pattern("^[A-Za-z0-9._:-]{8,100}$"))
                    .description("Makes a retry safe: the first successful answer is stored and replayed to every "
                            + "retry with the same key by the same caller (Idempotent-Replayed: true)."));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (example != null) {
            applyExamples(operation, responses, example);
        }
        TreeSet<Integer> problems = new TreeSet<>(open ? List.of(400) : List.of(400, 401, 403));
        if (path.contains("{")) {
            problems.add(404);
        }
        if (method == PathItem.HttpMethod.POST) {
            problems.addAll(List.of(409, 422));
        }
        if (operation.getRequestBody() != null) {
            problems.addAll(List.of(413, 415));
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            problems.add(412);
        }
        if (example != null && example.has("problems")) {
            example.get("problems").forEach(status -> problems.add(status.asInt()));
        }
        for (int status : problems) {
            APIResponse existing = responses.getAPIResponse(Integer.toString(status));
            if (existing == null || existing.getContent() == null) {
                responses.addAPIResponse(Integer.toString(status), problemResponse(status));
            }
        }
    }

    private static void applyExamples(Operation operation, APIResponses responses, JsonNode example) {
        if (example.has("request") && operation.getRequestBody() != null) {
            Content content = operation.getRequestBody().getContent();
            if (content == null) {
                content = OASFactory.createContent();
                operation.getRequestBody().setContent(content);
            }
            MediaType json = content.getMediaType("application/json");
            if (json == null) {
                json = OASFactory.createMediaType();
                content.addMediaType("application/json", json);
            }
            json.setExample(value(example.get("request")));
        }
        if (example.has("response")) {
            Iterator<Map.Entry<String, JsonNode>> codes = example.get("response").fields();
            while (codes.hasNext()) {
                Map.Entry<String, JsonNode> code = codes.next();
                APIResponse response = responses.getAPIResponse(code.getKey());
                if (response == null) {
                    response = OASFactory.createAPIResponse().description(switch (code.getKey()) {
                        case "201" -> "Created";
                        case "204" -> "Done; no content";
                        default -> "OK";
                    });
                    responses.addAPIResponse(code.getKey(), response);
                }
                if (!example.get("response").has("200")) {
                    responses.removeAPIResponse("200"); // JAX-RS Response methods are documented as 200 by default
                }
                if (code.getValue().isNull()) {
                    continue; // no body, e.g. 204
                }
                Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
                response.setContent(content);
                MediaType body = content.getMediaType("application/json");
                if (body == null && content.getMediaTypes() != null && !content.getMediaTypes().isEmpty()) {
                    body = content.getMediaTypes().values().iterator().next(); // e.g. text/markdown
                }
                if (body == null) {
                    body = OASFactory.createMediaType();
                    content.addMediaType("application/json", body);
                }
                body.setExample(value(code.getValue()));
            }
        }
    }

    private static APIResponse problemResponse(int status) {
        ProblemType type = typeFor(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", DETAILS.getOrDefault(status, type.title()));
        example.put("instance", "/api/v1/cases/4d6f1c1e-8a0b-4a53-9a7e-2f1c9e0b7a11");
        example.put("requestId", "3f2b8c1a-6d4e-4f7a-9b1c-0e5d7a2f4c88");
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "body.ageBand", "message", "must not be null")));
        }
        return OASFactory.createAPIResponse().description(DESCRIPTIONS.getOrDefault(status, type.title()))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)).example(example)));
    }

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is not valid: malformed JSON, an unknown or missing field, a wrong type, enum value, date, id, query parameter or header",
            401, "No valid, unexpired bearer token from the ARCC identity provider",
            403, "The caller's role does not allow this operation",
            404, "No such record, or it belongs to another cell or partner (indistinguishable by design)",
            409, "The record's state does not allow this, or a request with the same Idempotency-Key is still running",
            412, "If-Match names a version that is no longer current",
            413, "The request body is over the service's limit",
            415, "The body is not application/json",
            422, "The survivor's consent for this is missing or withdrawn, or the Idempotency-Key was used for another request");

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "One or more fields are invalid",
            404, "Case 4d6f1c1e-8a0b-4a53-9a7e-2f1c9e0b7a11 does not exist or is not visible to you",
            409, "A case in CLOSED cannot move to FOLLOW_UP",
            412, "The case is at version 4, not 3; read it again",
            413, "Request bodies are limited to 262144 bytes",
            422, "MEDICO_LEGAL_EXAM needs the survivor's MEDICAL_EXAM consent, and the case holds none (or it was withdrawn)");

    private static ProblemType typeFor(int status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status) {
                return type;
            }
        }
        throw new IllegalArgumentException("No problem type answers " + status);
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Where the invalid input is: body.ageBand, query.page, ..."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with it (never the value itself)"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the one error shape of every ARCC service. Never a class name, "
                        + "a stack trace or a value that was sent.")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable URI of the kind of problem, urn:arcc:problem:<slug>"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path"))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request id, also in X-Request-Id and in the service's log lines"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }

    private static Map<String, JsonNode> examples() {
        Map<String, JsonNode> byOperation = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                return byOperation;
            }
            new ObjectMapper().readTree(in).fields().forEachRemaining(e -> byOperation.put(e.getKey(), e.getValue()));
            return byOperation;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }

    private static Object value(JsonNode node) {
        return new ObjectMapper().convertValue(node, Object.class);
    }
}
