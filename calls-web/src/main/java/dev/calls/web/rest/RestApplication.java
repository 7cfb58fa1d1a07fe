package dev.calls.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts every REST resource under {@code /calls/api/v1}, as the contract's URLs require. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {
}
