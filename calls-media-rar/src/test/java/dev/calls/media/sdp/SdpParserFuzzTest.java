package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Feeds arbitrary text to the parser (seeded with the browser offers). Whatever the input, the parser may
 * only fail with {@link SdpParseException}; what it accepts must be written and read back unchanged, and
 * answering or checking it may only fail with {@link SdpNegotiationException}. Any other exception fails
 * the test.
 */
class SdpParserFuzzTest {

    private static final AnswerBuilder ANSWERS = new AnswerBuilder(SampleSdp.LOCAL, MediaCapabilities.defaults());

    @FuzzTest(maxDuration = "10s")
    void parseOnlyEverFailsWithSdpParseException(byte[] input) {
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpParseException expected) {
            return;
        }
        try {
            assertEquals(sdp, SdpParser.parse(SdpWriter.write(sdp)));
        } catch (SdpParseException e) {
            throw new AssertionError("written description does not parse: " + e.getMessage(), e);
        }
        MediaSectionInfo.of(sdp);
        try {
            ANSWERS.answer(sdp, List.of(), Origin.local(1, 1));
        } catch (SdpNegotiationException refused) {
            // A clear refusal is a correct outcome for an offer the server cannot serve.
        }
        try {
            AnswerValidator.check(sdp, sdp);
        } catch (SdpNegotiationException refused) {
            // Likewise for an answer that does not fit.
        }
    }
}
