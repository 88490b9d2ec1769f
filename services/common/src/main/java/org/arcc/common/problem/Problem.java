package org.arcc.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.arcc.vocabulary.ProblemType;

/**
 * RFC 9457 problem details, the one error shape of every ARCC service. It never carries a class name, a
 * stack trace or a survivor's identity.
 *
 * @param type      stable URI naming the kind of problem ({@link ProblemType})
 * @param title     short human summary of the kind of problem
 * @param status    HTTP status
 * @param detail    what went wrong with this request, in words a client developer can act on
 * @param instance  the request path
 * @param requestId the request id, to find the matching log lines
 * @param errors    one entry per invalid field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is ({@code body.channel}, {@code query.page}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
