package dev.calls.ear;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR this module built, as the deployment of end-to-end tests: the real artifact, not a test assembly. */
public final class CallsEar {

    /** The deployment name the resource adapter registration refers to (calls.ear#calls-media-rar.rar). */
    public static final String NAME = "calls.ear";

    private CallsEar() {
    }

    public static EnterpriseArchive built() {
        File ear = new File(System.getProperty("calls.ear", "target/calls.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
