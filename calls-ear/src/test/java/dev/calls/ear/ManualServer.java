package dev.calls.ear;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test on a server it starts, stops and deploys to itself (a manual Arquillian container with a
 * base directory of its own, see {@link ServerBaseDirectory}), from outside as clients use it. The subclass
 * names its container on its deployment, which it declares with {@code managed = false}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ManualServer {

    @ArquillianResource
    protected ContainerController controller;

    @ArquillianResource
    protected Deployer deployer;
}
