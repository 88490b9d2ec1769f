package org.arcc.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a resource class (or method) whose POSTs honour {@code Idempotency-Key}: the use case, the key's claim
 * and the stored first result commit in one transaction ({@link IdempotentPostInterceptor}). Every resource
 * class with a POST carries it; {@code IdempotentPostCoverageTest} in each service fails when one does not.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface IdempotentPost {
}
