package io.jbeam.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes two traces comparable: pids become {@code <P1>}, {@code <P2>}... and references {@code #R1}, {@code #R2}...
 * in the order they first appear; line endings become {@code \n} and a missing final newline is added. Nothing else
 * is normalised (scenarios print only what both sides share, e.g. the first element of {@code {Reason, Stack}}).
 */
public final class Canonical {
    private static final Pattern PID_OR_REF = Pattern.compile("<\\d+\\.\\d+\\.\\d+>|#Ref<\\d+(?:\\.\\d+)+>");

    private Canonical() {
    }

    public static String of(String trace) {
        String text = trace.replace("\r\n", "\n");
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text = text + "\n";
        }
        Map<String, String> names = new HashMap<>();
        int[] counts = new int[2];
        Matcher m = PID_OR_REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            String name = names.get(found);
            if (name == null) {
                boolean ref = found.startsWith("#");
                int n = ++counts[ref ? 1 : 0];
                name = ref ? "#R" + n : "<P" + n + ">";
                names.put(found, name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(name));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
