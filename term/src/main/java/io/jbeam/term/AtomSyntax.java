package io.jbeam.term;

import java.util.Set;

/** When an atom needs quotes, and how characters are escaped inside quotes (Latin-1 printing, as {@code ~p}). */
final class AtomSyntax {
    /** The reserved words of Erlang/OTP 25 (without the optional {@code maybe} feature). */
    private static final Set<String> RESERVED = Set.of(
            "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor",
            "case", "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse",
            "receive", "rem", "try", "when", "xor");

    private AtomSyntax() {
    }

    static String print(String name) {
        if (!needsQuotes(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 2).append('\'');
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            appendQuotedChar(sb, c, '\'');
            i += Character.charCount(c);
        }
        return sb.append('\'').toString();
    }

    /** True unless the name starts with a lowercase letter, holds only letters, digits, _ and @, and is not reserved. */
    static boolean needsQuotes(String name) {
        if (name.isEmpty() || !isLower(name.charAt(0))) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLower(c) || isUpper(c) || (c >= '0' && c <= '9') || c == '_' || c == '@')) {
                return true;
            }
        }
        return RESERVED.contains(name);
    }

    /** a-z and the Latin-1 lowercase letters (223..255 but 247). */
    private static boolean isLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247);
    }

    /** A-Z and the Latin-1 uppercase letters (192..222 but 215). */
    private static boolean isUpper(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215);
    }

    /** True for the characters Erlang's Latin-1 printable check accepts. */
    static boolean isPrintableLatin1(long c) {
        return (c >= 32 && c <= 126) || (c >= 160 && c <= 255)
                || (c >= 8 && c <= 13) || c == 27;
    }

    /** Appends code point {@code c} as it appears between {@code quote}s in a quoted atom or string. */
    static void appendQuotedChar(StringBuilder sb, int c, char quote) {
        if (c == quote || c == '\\') {
            sb.append('\\').append((char) c);
        } else if ((c >= 32 && c <= 126) || (c >= 160 && c <= 255)) {
            sb.append((char) c);
        } else if (c > 255) {
            sb.append("\\x{").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('}');
        } else {
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case 11: sb.append("\\v"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case 27: sb.append("\\e"); break;
                case 127: sb.append("\\d"); break;
                default:
                    sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
            }
        }
    }
}
