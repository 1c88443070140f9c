package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedValuesTest {
    private final NamedValues v = new NamedValues();

    @Test
    void aRepeatedFieldNameIsNumberedAndOrderIsKept() {
        v.add("Flags", "1");
        v.add("Size", "2");
        v.add("Flags", "3");
        v.add("Flags", "4");
        assertEquals(Map.of("Flags", "1", "Size", "2", "Flags#2", "3", "Flags#3", "4"), v.toMap());
        assertEquals("[Flags, Size, Flags#2, Flags#3]", v.toMap().keySet().toString());
    }

    @Test
    void putReplacesInPlaceLikeAMap() {
        v.put("EventID", "1");
        v.put("Level", "4");
        v.put("EventID", "2");
        assertEquals("{EventID=2, Level=4}", v.toMap().toString());
    }

    @Test
    void readMarksAndClearing() {
        v.add("A", "x");
        v.add("B", "y");
        v.markRead(v.indexOf("B"));
        assertFalse(v.isRead(0));
        assertTrue(v.isRead(1));
        v.clear();
        assertTrue(v.isEmpty());
        assertNull(v.get("A"));
        v.add("C", "z");
        assertFalse(v.isRead(0), "a pair added after clearing starts unread");
    }
}
