package io.jbeam.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Floats against Erlang/OTP 25's {@code ~w}; {@code erlang-floats.txt} holds IEEE bits and Erlang's text. */
class ErlangFloatTest {

    @Test
    void examples() {
        assertEquals("1.0e10", TermPrinter.print(1.0e10));
        assertEquals("100.0", TermPrinter.print(100.0));
        assertEquals("1.0e3", TermPrinter.print(1000.0));
        assertEquals("0.0001", TermPrinter.print(0.0001));
        assertEquals("1.0e-5", TermPrinter.print(1.0e-5));
        assertEquals("0.30000000000000004", TermPrinter.print(0.1 + 0.2));
        assertEquals("9007199254740991.0", TermPrinter.print(9007199254740991.0));
        assertEquals("9.007199254740992e15", TermPrinter.print(9007199254740992.0));
        assertEquals("-0.0", TermPrinter.print(-0.0));
        assertEquals("0.0", TermPrinter.print(0.0));
        assertEquals("5.0e-324", TermPrinter.print(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e308", TermPrinter.print(Double.MAX_VALUE));
    }

    @Test
    void matchesErlang() throws IOException {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("erlang-floats.txt"), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; n++) {
                String[] parts = line.split(" ");
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                assertEquals(parts[1], TermPrinter.print(d), parts[0]);
            }
        }
        assertTrue(n > 700);
    }
}
