package etwreplay.replay.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IntKeyMap} answers as a HashMap does, through growth and removals that shift probe runs. */
class IntKeyMapTest {
    @Test
    void randomOperationsAgreeWithHashMap() {
        for (int keyStride : new int[] {1, 4, 4096, 1 << 20}) {
            Random random = new Random(keyStride);
            IntKeyMap<Integer> map = new IntKeyMap<>();
            Map<Integer, Integer> expected = new HashMap<>();
            for (int step = 0; step < 200_000; step++) {
                // Few distinct keys (ids that come and go), negatives included.
                int key = (random.nextInt(3000) - 100) * keyStride;
                int value = random.nextInt();
                switch (random.nextInt(4)) {
                    case 0 -> assertEquals(expected.put(key, value), map.put(key, value), "put " + key);
                    case 1 -> assertEquals(expected.remove(key), map.remove(key), "remove " + key);
                    case 2 -> assertEquals(expected.putIfAbsent(key, value), map.putIfAbsent(key, value), "pia " + key);
                    default -> assertEquals(expected.get(key), map.get(key), "get " + key);
                }
                assertEquals(expected.size(), map.size());
            }
            for (int k = -100; k < 2900; k++) {
                int key = k * keyStride;
                assertEquals(expected.get(key), map.get(key), "final get " + key);
                assertEquals(expected.containsKey(key), map.containsKey(key));
            }
        }
    }

    @Test
    void aNullValueIsRefused() {
        IntKeyMap<String> map = new IntKeyMap<>();
        assertThrows(IllegalArgumentException.class, () -> map.put(4, null));
        assertNull(map.get(4));
    }
}
