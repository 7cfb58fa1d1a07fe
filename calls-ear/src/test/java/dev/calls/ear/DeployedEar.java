package dev.calls.ear;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test that uses the deployed {@code calls.ear} from outside, as its clients do: the EAR the
 * build made is deployed once per test class, and {@link #base} is the web module's URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedEar {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false, name = CallsEar.NAME)
    public static EnterpriseArchive ear() {
        return CallsEar.built();
    }
}
