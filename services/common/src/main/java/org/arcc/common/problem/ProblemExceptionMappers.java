package org.arcc.common.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.arcc.common.audit.DeniedAttempts;
import org.arcc.common.database.DatabaseAway;
import org.arcc.vocabulary.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * Maps every failure to one RFC 9457 shape. Details are written here, never taken from exception messages
 * of libraries (they can echo input, which can carry identity) except for our own {@link ProblemException}.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @Inject
    ProblemResponses problems;

    @Inject
    DeniedAttempts denied;

    @ServerExceptionMapper
    public Uni<Response> problem(ProblemException e, UriInfo uri, ContainerRequestContext request,
            SimpleResourceInfo resource) {
        Response answer = problems.of(e.type(), e.getMessage(), uri);
        return e.type() == ProblemType.FORBIDDEN ? denied.auditThen(request.getMethod(), uri, resource, answer)
                : Uni.createFrom().item(answer);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return problems.of(ProblemType.UNAUTHENTICATED,
                "Send a valid, unexpired bearer token from the ARCC identity provider", uri);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request,
            SimpleResourceInfo resource) {
        return denied.auditThen(request.getMethod(), uri, resource,
                problems.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", uri));
    }

    @ServerExceptionMapper({ ConstraintViolationException.class, ResteasyReactiveViolationException.class })
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        boolean ourFault = e.getConstraintViolations().stream().anyMatch(v -> java.util.stream.StreamSupport
                .stream(v.getPropertyPath().spliterator(), false)
                .anyMatch(node -> node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE));
        if (ourFault) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problems.of(ProblemType.VALIDATION, "One or more fields are invalid", uri, errors);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = "body." + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "is not a field of this request"
                    : "has a value of the wrong type or format";
            return problems.of(ProblemType.VALIDATION, "One or more fields are invalid", uri,
                    List.of(new Problem.FieldError(field, message)));
        }
        return problems.of(ProblemType.MALFORMED, "The request body is not valid JSON", uri);
    }

    /** Two writers changed the same record at once; the later one retries with fresh data. */
    @ServerExceptionMapper({ jakarta.persistence.OptimisticLockException.class,
            org.hibernate.StaleStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return problems.of(ProblemType.CONFLICT, "The record changed while this request was being processed; read it again and retry",
                uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; it is the client's input.
            // The path is left out: it holds the value that was refused, which may be anything.
            return problems.of(ProblemType.VALIDATION, "A path or query parameter has a value of the wrong type or format",
                    null);
        }
        return problems.of(ProblemType.NOT_FOUND, "There is no resource at this path", uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response r = problems.of(ProblemType.METHOD_NOT_ALLOWED, "This path does not support that method", uri);
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return problems.of(ProblemType.NOT_ACCEPTABLE, "This resource answers in application/json", uri);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", uri);
    }

    @ServerExceptionMapper
    public Response clientError(ClientErrorException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        ProblemType type = e.getResponse().getStatus() == 409 ? ProblemType.CONFLICT : ProblemType.VALIDATION;
        return problems.of(type, "The request cannot be processed as sent", uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return problems.of(ProblemType.VALIDATION, "The request cannot be processed as sent", uri);
        }
        java.util.Optional<String> databaseAway = DatabaseAway.reasonIn(e);
        if (databaseAway.isPresent()) {
            // Not a defect: the database restarts or fails over, nothing was stored, the request can be sent again
            // (with the same Idempotency-Key). Logged by codes only.
            LOG.warnf("Database unavailable (%s, %s) while serving a request; answered 503", databaseAway.get(),
                    e.getClass().getName());
            return problems.of(ProblemType.TEMPORARILY_UNAVAILABLE,
                    "The service cannot reach its records right now; nothing was stored. Send the request again in a few"
                            + " seconds, with the same Idempotency-Key",
                    uri);
        }
        // Logged by class and request id only: messages of unexpected errors may echo survivor data.
        LOG.errorf("Unexpected %s while serving a request", e.getClass().getName());
        LOG.debug("Unexpected error", e);
        return problems.of(ProblemType.INTERNAL, "The error was logged with this request id", uri);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "open.request.channel": method, parameter, then the field within the body.
        String last = null;
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (index++ < 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                last = node.getName();
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() == 0) {
            return last == null ? "request" : last;
        }
        return "body." + field;
    }
}
