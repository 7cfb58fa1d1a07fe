package dev.calls.web.rest;

import dev.calls.limits.Limit;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bound on a resource method's request body, when it is not {@link Limit#REQUEST_BODY_BYTES}:
 * {@link RequestBodyBound} reads no more than this many bytes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    Limit value();
}
