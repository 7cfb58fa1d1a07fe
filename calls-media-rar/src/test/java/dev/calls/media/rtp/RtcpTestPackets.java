package dev.calls.media.rtp;

/** RTCP bytes shared by the RTCP tests. */
final class RtcpTestPackets {

    /**
     * A compound packet captured from a browser (taken from the pion/rtcp test data): RR with one block at 0,
     * SDES with a CNAME at 32, BYE at 84, PLI at 92, RTPFB FMT 5 at 104, APP at 116.
     */
    static final String CAPTURED_COMPOUND = """
            81c90007 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79
            81ca000c 902f9e2e 0126 7b396330 30656239 322d3161 66622d39 6434392d
            61343764 2d393166 36346565 65363966 357d 00000000
            81cb0001 902f9e2e
            81ce0002 902f9e2e 902f9e2e
            85cd0002 902f9e2e 902f9e2e
            80cc0003 4baae1ab 4e414d45 41424344
            """;

    private RtcpTestPackets() {
    }
}
