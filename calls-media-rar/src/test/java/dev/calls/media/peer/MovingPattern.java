package dev.calls.media.peer;

import dev.onvoid.webrtc.media.video.I420Buffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Paints synthetic I420 frames whose content changes every frame: a diagonal luma gradient that scrolls and
 * a bright square that moves across. Changing content keeps the video encoder producing real delta frames
 * (a still picture would shrink to near-empty frames), which is what a screen share with motion looks like.
 */
public final class MovingPattern {

    private static final int BOX = 64;
    private static final byte BOX_LUMA = (byte) 235;
    private static final byte NEUTRAL_CHROMA = (byte) 128;
    private static final byte BOX_CB = (byte) 90;
    private static final byte BOX_CR = (byte) 240;

    private byte[] row = new byte[0];

    /** Paints frame number {@code frameIndex} into {@code buffer}, overwriting all three planes. */
    public void paint(I420Buffer buffer, long frameIndex) {
        int width = buffer.getWidth();
        int height = buffer.getHeight();
        if (row.length < width) {
            row = new byte[width];
        }
        int box = Math.min(BOX, Math.min(width, height));
        int boxX = (int) ((frameIndex * 8) % Math.max(1, width - box + 1));
        int boxY = (int) ((frameIndex * 3) % Math.max(1, height - box + 1));
        int scroll = (int) (frameIndex * 4);

        ByteBuffer luma = buffer.getDataY();
        int lumaStride = buffer.getStrideY();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (byte) (x + y + scroll);
            }
            if (y >= boxY && y < boxY + box) {
                Arrays.fill(row, boxX, boxX + box, BOX_LUMA);
            }
            luma.put(y * lumaStride, row, 0, width);
        }

        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        paintChroma(buffer.getDataU(), buffer.getStrideU(), chromaWidth, chromaHeight, boxX / 2, boxY / 2,
                box / 2, BOX_CB);
        paintChroma(buffer.getDataV(), buffer.getStrideV(), chromaWidth, chromaHeight, boxX / 2, boxY / 2,
                box / 2, BOX_CR);
    }

    private void paintChroma(ByteBuffer plane, int stride, int width, int height, int boxX, int boxY, int box,
            byte boxValue) {
        for (int y = 0; y < height; y++) {
            Arrays.fill(row, 0, width, NEUTRAL_CHROMA);
            if (y >= boxY && y < boxY + box) {
                Arrays.fill(row, boxX, Math.min(width, boxX + box), boxValue);
            }
            plane.put(y * stride, row, 0, width);
        }
    }
}
