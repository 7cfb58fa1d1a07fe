/**
 * Real WebRTC peers for tests: libwebrtc in the JVM through webrtc-java, driven by {@link
 * dev.calls.media.peer.TestPeer}, to prove that media flows through the SFU. The harness knows nothing of
 * the engine: it exchanges SDP strings and ICE candidate strings, so it serves engine tests and end-to-end
 * tests through the server alike.
 * <p>
 * Runs headless on Linux x86-64 when: the Debian package {@code libpulse0} is installed (webrtc-java's
 * native library links {@code libpulse.so.0}, even though no sound server is used); the peer connection
 * factory gets a {@code HeadlessAudioDeviceModule} (no sound devices); and that module's recording is
 * kept stopped while a custom audio source is fed (see {@link dev.calls.media.peer.MediaPump}).
 * <p>
 * Known limits of webrtc-java 0.14: {@code RTCPeerConnection.close()} never releases the native peer
 * connection, so each closed peer leaves about two idle native threads and a few MB behind until the JVM
 * exits; at JVM exit native threads may print "Failed to attach thread" (surefire reports it as a corrupted
 * channel warning), which is harmless.
 */
package dev.calls.media.peer;
