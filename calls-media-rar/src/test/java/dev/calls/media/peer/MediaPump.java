package dev.calls.media.peer;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * The thread that feeds a peer's custom sources in real time: 10 ms frames of its sine tone into the audio
 * source and synthetic frames into the video source at the configured rate. A pump that falls far behind
 * (a loaded machine) skips ahead rather than bursting, as a real capture device would drop.
 * <p>
 * Before each round it stops the audio device module's recording. libwebrtc starts recording by itself
 * whenever a sending audio stream starts (after connecting, after a renegotiation); the headless module's
 * capture thread then feeds the mixed playout back in as microphone audio, and racing that thread with
 * pushes from a custom source aborts the JVM.
 * <p>
 * Pushes happen under {@code sourceLock}: the custom audio source's list of sinks is not thread-safe, and
 * libwebrtc changes it while adding, replacing or removing the track, so the peer holds the same lock then.
 */
final class MediaPump implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaPump.class);
    private static final long AUDIO_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_LAG_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final AudioDeviceModuleBase audioModule;
    private final Lock sourceLock;
    private final Thread thread;
    private volatile boolean running = true;

    private volatile CustomAudioSource audioSource;
    private volatile SineTone tone;
    private volatile boolean audioPushing = true;

    private volatile CustomVideoSource videoSource;
    private volatile int width;
    private volatile int height;
    private volatile long videoPeriodNs;
    private volatile boolean videoPushing = true;

    MediaPump(String name, AudioDeviceModuleBase audioModule, Lock sourceLock) {
        this.audioModule = audioModule;
        this.sourceLock = sourceLock;
        this.thread = new Thread(this::run, "media-pump-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void feedAudio(CustomAudioSource source, SineTone sineTone) {
        this.tone = sineTone;
        this.audioSource = source;
    }

    void feedVideo(CustomVideoSource source, int frameWidth, int frameHeight, int framesPerSecond) {
        this.width = frameWidth;
        this.height = frameHeight;
        this.videoPeriodNs = TimeUnit.SECONDS.toNanos(1) / framesPerSecond;
        this.videoSource = source;
    }

    void setAudioPushing(boolean pushing) {
        audioPushing = pushing;
    }

    void setVideoPushing(boolean pushing) {
        videoPushing = pushing;
    }

    private void run() {
        byte[] pcm = new byte[SineTone.frameBytes()];
        MovingPattern pattern = new MovingPattern();
        long frameIndex = 0;
        long nextAudio = System.nanoTime();
        long nextVideo = nextAudio;
        try {
            while (running) {
                long now = System.nanoTime();
                sourceLock.lock();
                try {
                    audioModule.stopRecording();
                    CustomAudioSource audio = audioSource;
                    if (audio == null || !audioPushing || now - nextAudio > MAX_LAG_NS) {
                        nextAudio = now;
                    }
                    while (audio != null && audioPushing && nextAudio <= now) {
                        tone.nextFrame(pcm);
                        audio.pushAudio(pcm, 16, SineTone.SAMPLE_RATE, 1, SineTone.SAMPLES_PER_FRAME);
                        nextAudio += AUDIO_PERIOD_NS;
                    }
                    CustomVideoSource video = videoSource;
                    if (video == null || !videoPushing || now - nextVideo > MAX_LAG_NS) {
                        nextVideo = now;
                    }
                    if (video != null && videoPushing && nextVideo <= now) {
                        pushFrame(video, pattern, frameIndex++);
                        nextVideo += videoPeriodNs;
                    }
                } finally {
                    sourceLock.unlock();
                }
                long sleepNs = Math.min(nextAudio, nextVideo) - System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                        Math.min(sleepNs, AUDIO_PERIOD_NS)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "media pump %s stopped", thread.getName());
        }
    }

    private void pushFrame(CustomVideoSource video, MovingPattern pattern, long frameIndex) {
        NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
        pattern.paint(buffer, frameIndex);
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            video.pushFrame(frame);
        } finally {
            frame.release();
        }
    }

    /** Stops the thread and waits for it, so no push is under way once this returns. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
