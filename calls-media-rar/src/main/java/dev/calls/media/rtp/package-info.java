/**
 * RTP and RTCP parsed in place for the SFU's packet path.
 *
 * <p><b>Views.</b> {@link dev.calls.media.rtp.RtpPacket}, {@link dev.calls.media.rtp.RtcpCompound} and the
 * {@link dev.calls.media.rtp.RtcpPacket} subclasses are reusable views over a caller's
 * {@code (array, offset, length)}: a receive loop keeps one of each and re-points it per packet, so nothing
 * is allocated per packet. They work on plaintext, after SRTP/SRTCP has been removed. A view never owns or
 * copies the array; the caller that owns the buffer keeps it alive while the view is used, and setters write
 * into it. Views are not thread-safe.
 *
 * <p><b>Failure.</b> Malformed bytes are reported by status, never by an exception: {@code wrap} and
 * {@link dev.calls.media.rtp.RtcpCompound#next()} answer {@code false}, and lookups answer -1.
 * Exceptions mean a caller error only: {@link java.lang.IllegalStateException} for reading a view that
 * wraps nothing, {@link java.lang.IndexOutOfBoundsException} for an index past a count the view reported,
 * {@link java.lang.IllegalArgumentException} for a writer given a buffer without room or an out-of-range
 * field.
 *
 * <p><b>RTCP coverage.</b>
 * <table>
 * <caption>RTCP packets read and written</caption>
 * <tr><th>Packet</th><th>Read</th><th>Written</th></tr>
 * <tr><td>SR (200)</td><td>sender info, report blocks</td><td>without report blocks</td></tr>
 * <tr><td>RR (201)</td><td>report blocks</td><td>blocks from {@link dev.calls.media.rtp.ReceiveStatistics}
 *     </td></tr>
 * <tr><td>SDES (202), BYE (203), APP (204)</td><td>walked over by the iterator only</td><td>no</td></tr>
 * <tr><td>RTPFB 1 generic NACK</td><td>PID/BLP, lost sequence numbers</td><td>from a list of sequence
 *     numbers</td></tr>
 * <tr><td>RTPFB 15 transport-wide CC</td><td>SSRCs only ({@link dev.calls.media.rtp.FeedbackPacket})</td>
 *     <td>no</td></tr>
 * <tr><td>PSFB 1 PLI</td><td>SSRCs</td><td>yes</td></tr>
 * <tr><td>PSFB 4 FIR</td><td>entries (SSRC, sequence number)</td><td>one entry</td></tr>
 * <tr><td>PSFB 15 REMB</td><td>SSRCs only ({@link dev.calls.media.rtp.FeedbackPacket})</td><td>no</td></tr>
 * </table>
 */
package dev.calls.media.rtp;
