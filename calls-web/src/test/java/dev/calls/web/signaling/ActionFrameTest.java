package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionFrameTest {

    @Test
    void readsActionSeqAndData() throws Exception {
        ActionFrame frame = ActionFrame.parse("{\"action\":\"join\",\"seq\":7,\"data\":{\"channel_id\":\"x\"},\"extra\":1}");
        assertEquals("join", frame.action());
        assertEquals(7, frame.seq());
        assertEquals("x", frame.data().getString("channel_id"));
    }

    @Test
    void missingDataIsAnEmptyObject() throws Exception {
        assertEquals(0, ActionFrame.parse("{\"action\":\"ping\",\"seq\":1}").data().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json|0",
        "[1,2]|0",
        "\"text\"|0",
        "{\"action\":\"ping\"}|0",
        "{\"action\":\"ping\",\"seq\":-1}|0",
        "{\"action\":\"ping\",\"seq\":1.5}|0",
        "{\"action\":\"ping\",\"seq\":\"1\"}|0",
        "{\"seq\":4}|4",
        "{\"action\":\"\",\"seq\":5}|5",
        "{\"action\":3,\"seq\":6}|6",
        "{\"action\":\"ping\",\"seq\":8,\"data\":[]}|8",
        "{\"action\":\"ping\",\"seq\":9} trailing|0",
    })
    void malformedFramesReportTheSeqTheyCouldRead(String text, long seq) {
        ActionFrame.MalformedFrameException e = assertThrows(ActionFrame.MalformedFrameException.class,
                () -> ActionFrame.parse(text));
        assertEquals(seq, e.seq());
    }

    @Test
    void aFrameNestedDeeperThanTheLimitIsMalformedWithTheSeqReadBeforeIt() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        ActionFrame.MalformedFrameException e = assertThrows(ActionFrame.MalformedFrameException.class,
                () -> ActionFrame.parse("{\"seq\":3,\"action\":\"ping\",\"data\":{\"x\":" + deep + "}}"));
        assertEquals(3, e.seq());
        assertEquals(0, assertThrows(ActionFrame.MalformedFrameException.class, () -> ActionFrame.parse(deep)).seq());
        assertEquals(0, assertThrows(ActionFrame.MalformedFrameException.class,
                () -> ActionFrame.parse("[".repeat(5000))).seq(), "unclosed too");
    }

    @Test
    void depthIsCountedAcrossObjectsAndArrays() throws Exception {
        ActionFrame.checkDepth("{\"a\":[{\"b\":[]}]}", 4);
        assertThrows(ActionFrame.MalformedFrameException.class, () -> ActionFrame.checkDepth("{\"a\":[{\"b\":[[]]}]}", 4));
        ActionFrame.checkDepth("{\"a\":[1],\"b\":[2],\"c\":{\"d\":[3]}}", 3);
        ActionFrame.checkDepth("{\"s\":\"[[[[[[[[\"}", 1);
    }
}
