package dev.calls.media.jca;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the engine to the container's connection management views. */
final class MediaManagedConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "Calls media engine";
    }

    @Override
    public String getEISProductVersion() {
        return "1.0";
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return null;
    }
}
