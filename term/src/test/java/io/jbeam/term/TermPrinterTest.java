package io.jbeam.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Erlang/OTP 25 prints with {@code io_lib:format("~p")} (or {@code ~w}). */
class TermPrinterTest {

    private static String p(Object term) {
        return TermPrinter.print(term);
    }

    @Test
    void systemMessages() {
        assertEquals("{'EXIT',<0.42.0>,normal}", Tuple.of(Atom.EXIT, Pid.local(42), Atom.NORMAL).toString());
        Ref ref = Ref.make();
        assertEquals("{'DOWN'," + ref + ",process,<0.7.0>,noproc}",
                p(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, Pid.local(7), Atom.NOPROC)));
    }

    @Test
    void atoms() {
        assertEquals("ok", p(Atom.of("ok")));
        assertEquals("'EXIT'", p(Atom.of("EXIT")));
        assertEquals("'hello world'", p(Atom.of("hello world")));
        assertEquals("'[]'", p(Atom.of("[]")));
        assertEquals("'Ok'", p(Atom.of("Ok")));
        assertEquals("'_x'", p(Atom.of("_x")));
        assertEquals("x@y", p(Atom.of("x@y")));
        assertEquals("aB9_@", p(Atom.of("aB9_@")));
        assertEquals("'a.b'", p(Atom.of("a.b")));
        assertEquals("'a-b'", p(Atom.of("a-b")));
        assertEquals("''", p(Atom.of("")));
        assertEquals("'it\\'s'", p(Atom.of("it's")));
        assertEquals("'back\\\\slash'", p(Atom.of("back\\slash")));
        assertEquals("'a\\nb'", p(Atom.of("a\nb")));
        assertEquals("'tab\\tx'", p(Atom.of("tab\tx")));
        assertEquals("'\\001\\002\\d'", p(Atom.of("\u0001\u0002\u007f")));
        assertEquals("'a b\\200'", p(Atom.of("a b\u0080")));
        assertEquals("'\\x{3B1}'", p(Atom.of("\u03b1")));
        assertEquals("'a\\x{3B1}'", p(Atom.of("a\u03b1")));
    }

    @Test
    void latin1Letters() {
        assertEquals("\u00e9", p(Atom.of("\u00e9")));
        assertEquals("\u00df", p(Atom.of("\u00df")));
        assertEquals("a\u00c0\u00d6\u00d8\u00f6\u00f8\u00ff", p(Atom.of("a\u00c0\u00d6\u00d8\u00f6\u00f8\u00ff")));
        assertEquals("'\u00f7'", p(Atom.of("\u00f7")));
        assertEquals("'a\u00d7'", p(Atom.of("a\u00d7")));
        assertEquals("'a\u00aa'", p(Atom.of("a\u00aa")));
        assertEquals("'a\u00b5'", p(Atom.of("a\u00b5")));
    }

    @Test
    void reservedWordsAreQuoted() {
        for (String w : List.of("after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor",
                "case", "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse",
                "receive", "rem", "try", "when", "xor")) {
            assertEquals("'" + w + "'", p(Atom.of(w)), w);
        }
        assertEquals("maybe", p(Atom.of("maybe")));
        assertEquals("else", p(Atom.of("else")));
    }

    @Test
    void javaValues() {
        assertEquals("true", p(true));
        assertEquals("false", p(Boolean.FALSE));
        assertEquals("undefined", p(null));
        assertEquals("-5", p(-5));
        assertEquals("42", p(42L));
        assertEquals("7", p((short) 7));
        assertEquals("-1", p((byte) -1));
        assertEquals("97", p('a'));
        assertEquals("123456789012345678901234567890", p(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.5", p(1.5));
        assertEquals("1.1", p(1.1f));
        assertEquals("#Java<java.lang.Object>", p(new Object()));
    }

    @Test
    void throwables() {
        assertEquals("{'java.lang.IllegalStateException',<<\"boom\">>}", p(new IllegalStateException("boom")));
        assertEquals("{'java.lang.RuntimeException',undefined}", p(new RuntimeException()));
        assertEquals("{'EXIT',<0.3.0>,{'java.lang.ArithmeticException',<<\"/ by zero\">>}}",
                p(Tuple.of(Atom.EXIT, Pid.local(3), new ArithmeticException("/ by zero"))));
    }

    @Test
    void asTermPrintsItsTerm() {
        class Reason extends RuntimeException implements AsTerm {
            @Override
            public Object asTerm() {
                return Atom.BADARG;
            }
        }
        assertEquals("{error,badarg}", p(Tuple.of(Atom.ERROR, new Reason())));
    }

    @Test
    void tuples() {
        assertEquals("{}", p(Tuple.of()));
        assertEquals("{a}", p(Tuple.of(Atom.of("a"))));
        assertEquals("{a,{b,1},[]}", p(Tuple.of(Atom.of("a"), Tuple.of(Atom.of("b"), 1), List.of())));
    }

    @Test
    void binaries() {
        assertEquals("<<\"text\">>", p("text"));
        assertEquals("<<116,101,120,116>>", TermPrinter.write("text"));
        assertEquals("<<>>", p(""));
        assertEquals("<<1,2,3>>", p(new byte[] {1, 2, 3}));
        assertEquals("<<1,2,3>>", p(Binary.of((byte) 1, (byte) 2, (byte) 3)));
        assertEquals("<<\"a\\\"b\\\\c\">>", p("a\"b\\c"));
        assertEquals("<<97,10,98,9,99,27,127>>", p("a\nb\tc\u001b\u007f"));
        assertEquals("<<\"\\b\\t\\n\\v\\f\\r\\e\">>", p("\b\t\n\u000b\f\r\u001b"));
        assertEquals("<<97,98,0>>", p("ab\0"));
        assertEquals("<<127>>", p("\u007f"));
        assertEquals("<<159>>", p(new byte[] {(byte) 159}));
        assertEquals("<<\"\u00a0\">>", p(new byte[] {(byte) 160}));
        assertEquals("<<\"'\">>", p("'"));
        // Latin-1 view of UTF-8 bytes, as ~p shows <<"café"/utf8>>.
        assertEquals("<<\"caf\u00c3\u00a9\">>", p("caf\u00e9"));
        assertEquals("<<99,97,102,195,169>>", TermPrinter.write("caf\u00e9"));
        assertEquals("<<\"text\">>", Binary.utf8("text").toString());
    }

    @Test
    void lists() {
        assertEquals("[]", p(List.of()));
        assertEquals("[1,2,3]", p(List.of(1, 2, 3)));
        assertEquals("[a,<<\"b\">>,{c}]", p(List.of(Atom.of("a"), "b", Tuple.of(Atom.of("c")))));
        assertEquals("\"hi\"", p(List.of(104, 105)));
        assertEquals("[104,105]", TermPrinter.write(List.of(104, 105)));
        assertEquals("\"hi\"", p(List.of('h', 'i')));
        assertEquals("[104,105,300]", p(List.of(104, 105, 300)));
        assertEquals("[\"ab\",\"cd\"]", p(List.of(List.of(97, 98), List.of(99, 100))));
        assertEquals("\"a\\\"b\"", p(List.of(97, 34, 98)));
        assertEquals("[97,7,98]", p(List.of(97, 7, 98)));
        assertEquals("[97,128]", p(List.of(97, 128)));
        assertEquals("\"\\n\\r\"", p(List.of(10, 13)));
        assertEquals("[97,-1]", p(List.of(97, -1)));
        assertEquals("[-1]", p(List.of(-1)));
        assertEquals("\"\\b\\t\\v\\f\\e\"", p(List.of(8, 9, 11, 12, 27)));
        assertEquals("[159]", p(List.of(159)));
        assertEquals("[1,undefined]", p(Arrays.asList(1, null)));
    }

    @Test
    void maps() {
        assertEquals("#{}", p(Map.of()));
        assertEquals("#{a => 1}", p(Map.of(Atom.of("a"), 1)));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Atom.of("b"), 2);
        m.put(Atom.of("a"), 1);
        assertEquals("#{a => 1,b => 2}", p(m));
        Map<Object, Object> nums = new LinkedHashMap<>();
        nums.put(1.0, Atom.of("a"));
        nums.put(2L, Atom.of("b"));
        nums.put(1, Atom.of("c"));
        assertEquals("#{1 => c,2 => b,1.0 => a}", p(nums));
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put(Atom.of("b"), 1);
        mixed.put(1, Atom.of("x"));
        mixed.put(List.of(115), Atom.of("y"));
        mixed.put("b", Atom.of("z"));
        mixed.put(Tuple.of(Atom.of("t")), Atom.of("w"));
        mixed.put(List.of(Atom.of("l")), Atom.of("v"));
        assertEquals("#{1 => x,b => 1,{t} => w,\"s\" => y,[l] => v,<<\"b\">> => z}", p(mixed));
        assertEquals("#{1 => x,b => 1,{t} => w,[115] => y,[l] => v,<<98>> => z}", TermPrinter.write(mixed));
        assertEquals("#{a => -1}", p(Map.of(Atom.of("a"), -1)));
    }

    @Test
    void pidsAndRefs() {
        assertEquals("<0.0.0>", p(Pid.local(0)));
        assertEquals("<0.1000000.0>", Pid.local(1000000).toString());
        assertEquals("nonode@nohost", Pid.local(1).node().toString());
        assertEquals(true, Ref.make().toString().matches("#Ref<0\\.\\d+\\.\\d+\\.\\d+>"));
    }
}
