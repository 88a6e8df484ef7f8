package io.jbeam.bench.woven;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic text that looks like prose (a small vocabulary, Zipf-ish), so compressors have real work. */
final class SampleText {
    private static final String[] WORDS = {
        "the", "process", "receives", "a", "message", "and", "sends", "reply", "to", "its", "parent", "scheduler",
        "runs", "queue", "of", "work", "when", "budget", "is", "spent", "it", "yields", "supervisor", "restarts",
        "child", "that", "crashed", "link", "monitor", "exit", "signal", "mailbox", "selective", "pattern", "match",
        "timeout", "after", "heap", "binary", "atom", "tuple", "list", "map", "reference", "node", "cluster",
        "hot", "code", "upgrade", "module", "version", "old", "new", "purge", "state", "server", "call", "cast",
    };

    private SampleText() {
    }

    static byte[] bytes(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(size + 64);
        int sentence = 0;
        while (sb.length() < size) {
            // Squaring a uniform draw favours the first words, as word frequencies in prose do.
            double u = random.nextDouble();
            String w = WORDS[(int) (u * u * WORDS.length)];
            if (sentence == 0) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                sb.append(w);
            }
            sentence++;
            if (sentence > 6 && random.nextInt(8) == 0) {
                sb.append(random.nextInt(5) == 0 ? ".\n" : ". ");
                sentence = 0;
            } else {
                sb.append(random.nextInt(12) == 0 ? ", " : " ");
            }
        }
        sb.setLength(size);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
