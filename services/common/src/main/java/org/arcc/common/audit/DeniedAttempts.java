package org.arcc.common.audit;

import java.lang.reflect.Method;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.arcc.common.request.CurrentRequest;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Writes requests refused by a role check (403) to the audit trail as {@code DENIED}, so that probing shows up
 * in the trail and, for a request about one record, in that record's access history. The record is named by
 * the {@code {id}} path parameter when it is a UUID, otherwise by the endpoint's route template: never by
 * whatever else the path carried. A failure to audit is logged and never changes the answer.
 */
@ApplicationScoped
public class DeniedAttempts {

    private static final Logger LOG = Logger.getLogger(DeniedAttempts.class);
    static final String RESOURCE_TYPE = "api-request";
    static final String PURPOSE = "ROLE_CHECK";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    /**
     * Audits the refused request, then answers. Role checks run on the event loop, where the database must not
     * be waited for: there the row is written on a worker thread, in a request context carrying the request's
     * ids.
     */
    public Uni<Response> auditThen(String httpMethod, UriInfo uri, SimpleResourceInfo resource, Response answer) {
        AuditEntry entry;
        try {
            Caller caller = currentCaller.get();
            entry = new AuditEntry(caller, AccessScope.of(caller, null), actionOf(httpMethod), RESOURCE_TYPE,
                    resourceId(uri, resource), null, PURPOSE, AuditOutcome.DENIED);
        } catch (RuntimeException e) {
            LOG.warnf("Could not audit a refused request (%s)", e.getClass().getSimpleName());
            return Uni.createFrom().item(answer);
        }
        if (!Context.isOnEventLoopThread()) {
            write(entry);
            return Uni.createFrom().item(answer);
        }
        CurrentRequest.Context ids = CurrentRequest.current();
        return Uni.createFrom().item(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                Arc.container().instance(CurrentRequest.class).get().resume(ids);
                write(entry);
            } finally {
                requestContext.terminate();
            }
            return answer;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void write(AuditEntry entry) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            LOG.warnf("Could not audit a refused request (%s)", e.getClass().getSimpleName());
        }
    }

    private static AuditAction actionOf(String httpMethod) {
        return switch (httpMethod) {
            case "GET", "HEAD" -> AuditAction.READ;
            case "PUT", "PATCH" -> AuditAction.UPDATE;
            case "DELETE" -> AuditAction.ERASE;
            default -> AuditAction.CREATE;
        };
    }

    private static String resourceId(UriInfo uri, SimpleResourceInfo resource) {
        String id = uri == null ? null : uri.getPathParameters().getFirst("id");
        if (id != null) {
            try {
                return UUID.fromString(id).toString();
            } catch (IllegalArgumentException notAUuid) {
                // fall through to the template: the value itself is not recorded
            }
        }
        String template = template(resource);
        return template.length() > 64 ? template.substring(0, 64) : template;
    }

    private static String template(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "unmatched";
        }
        Path base = resource.getResourceClass().getAnnotation(Path.class);
        String path = base == null ? "" : base.value();
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            Path sub = method.getAnnotation(Path.class);
            if (sub != null) {
                path = path + "/" + sub.value();
            }
        } catch (NoSuchMethodException e) {
            // the class path alone still names the endpoint family
        }
        return path.replaceAll("/+", "/");
    }
}
