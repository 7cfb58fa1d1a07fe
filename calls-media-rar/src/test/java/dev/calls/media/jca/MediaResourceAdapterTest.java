package dev.calls.media.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.work.WorkManager;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStatus;

/** A setting with a bad value keeps the engine down and says why, instead of failing the deployment. */
class MediaResourceAdapterTest {

    @Test
    void aBadValueLeavesTheEngineDownNamingTheSettingAndTheDeploymentUp() throws Exception {
        MediaResourceAdapter adapter = new MediaResourceAdapter();
        adapter.setUdpPort("abc");

        adapter.start(idleContainer());
        try {
            EngineStatus status = adapter.downStatus();
            assertNull(adapter.runningEngine());
            assertFalse(status.running());
            assertEquals("setting udpPort=abc refused: expected a whole number from 1 to 65535", status.problem());
            assertEquals(CallSettings.DEFAULTS, adapter.settings(), "the product reports the documented defaults");
        } finally {
            adapter.stop();
        }
    }

    @Test
    void equalityIsOverTheSettingsWithUnsetMeaningTheDefault() {
        MediaResourceAdapter unset = new MediaResourceAdapter();
        MediaResourceAdapter explicit = new MediaResourceAdapter();
        explicit.setUdpPort("8443");
        MediaResourceAdapter other = new MediaResourceAdapter();
        other.setUdpPort("10000");

        assertEquals(unset, explicit);
        assertEquals(unset.hashCode(), explicit.hashCode());
        assertFalse(unset.equals(other));
    }

    /** A container whose work manager accepts work and runs none: enough for a start that binds nothing. */
    private static BootstrapContext idleContainer() {
        WorkManager work = (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> method.getReturnType() == long.class ? 0L : null);
        return (BootstrapContext) Proxy.newProxyInstance(BootstrapContext.class.getClassLoader(),
                new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> work);
    }
}
