package io.jbeam.term;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats floats as Erlang/OTP 25 prints them ({@code float_to_list(F, [short])}, {@code ~p}, {@code ~w}):
 * the shortest digits that read back to the same value, in plain notation ({@code 0.1}, {@code 100.0}) unless
 * scientific notation is strictly shorter ({@code 1.0e10}, {@code 1.0e-5}), and always scientific from 2^53 on.
 */
final class ErlangFloat {
    private static final double TWO_POW_53 = 9007199254740992.0;

    private ErlangFloat() {
    }

    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "#Java<" + d + ">";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        double abs = Math.abs(d);
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == abs) {
                shortest = r;
                break;
            }
        }
        return layout(d < 0, shortest, abs >= TWO_POW_53);
    }

    /** A Java float, with the shortest digits that read back to the same float (1.1f prints as 1.1). */
    static String format(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return format((double) f);
        }
        float abs = Math.abs(f);
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal shortest = null;
        for (int p = 1; p <= 9; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == abs) {
                shortest = r;
                break;
            }
        }
        return layout(f < 0, shortest, abs >= TWO_POW_53);
    }

    private static String layout(boolean negative, BigDecimal value, boolean forceScientific) {
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().toString();
        int exp = digits.length() - 1 - v.scale(); // value = d.ddd * 10^exp
        String sci = scientific(digits, exp);
        String out = sci;
        if (!forceScientific) {
            String plain = plain(digits, exp);
            if (plain.length() <= sci.length()) {
                out = plain;
            }
        }
        return negative ? "-" + out : out;
    }

    private static String scientific(String digits, int exp) {
        String rest = digits.length() > 1 ? digits.substring(1) : "0";
        return digits.charAt(0) + "." + rest + "e" + exp;
    }

    private static String plain(String digits, int exp) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1));
            sb.append(digits);
        } else if (n <= exp + 1) {
            sb.append(digits).append("0".repeat(exp + 1 - n)).append(".0");
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, n);
        }
        return sb.toString();
    }
}
