package dev.calls.ejb.service;

import dev.calls.ejb.call.LiveCall;

/** A channel's call settings and its running call (null when none). */
public record ChannelCall(String channelId, boolean enabled, LiveCall call) {
}
