package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbeam.scheduler.BudgetPolicy;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On JDK 25: compiles shapes with the running JDK's javac at {@code --release 25} (class-file version 69, with
 * records, sealed types, pattern switches and string concatenation through indy), weaves and runs them suspended.
 * Skipped on older JDKs.
 */
class Jdk25ShapesTest {
    private static final String SOURCE = """
            package io.jbeam.shapes25;

            import io.jbeam.shapes.Shape;
            import io.jbeam.shapes.Y;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Function;

            public class Modern implements Shape {
                sealed interface Expr permits Num, Add, Mul {}
                record Num(int v) implements Expr {}
                record Add(Expr l, Expr r) implements Expr {}
                record Mul(Expr l, Expr r) implements Expr {}

                static int eval(Expr e) {  // recursive: its calls go to its fiber-passing copy
                    return switch (e) {
                        case Num n -> Y.i(n.v());
                        case Add(Expr l, Expr r) -> eval(l) + Y.i(eval(r));
                        case Mul(Expr l, Expr r) when eval(l) == 0 -> 0;
                        case Mul(Expr l, Expr r) -> eval(l) * eval(r);
                    };
                }

                @Override
                public Object call() {
                    Expr e = new Add(new Num(Y.i(2)), new Mul(new Num(3), new Add(new Num(4), new Num(Y.i(5)))));
                    List<String> out = new ArrayList<>();
                    for (Object o : List.of(1, "two", 3L, e)) {
                        String s = switch (Y.r(o)) {
                            case Integer i when i > 0 -> "int" + Y.i(i);
                            case String str -> "str" + str.length();
                            case Long l -> "long" + Y.l(l);
                            default -> "other";
                        };
                        out.add(s);
                    }
                    Function<Integer, String> f = x -> "f" + Y.i(x);
                    var text = \"""
                        block %s
                        \""".formatted(Y.r("text")).strip();
                    return eval(e) + " " + out + " " + f.apply(7) + " " + text + " " + new Num(Y.i(9));
                }
            }
            """;

    @Test
    void classFileVersion69IsWovenAndRuns(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "needs JDK 25, runs on " + Runtime.version());
        Path src = dir.resolve("src/io/jbeam/shapes25/Modern.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "25", "-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "javac");
        byte[] plain = Files.readAllBytes(out.resolve("io/jbeam/shapes25/Modern.class"));
        assertEquals(69, ((plain[6] & 0xff) << 8) | (plain[7] & 0xff), "class-file major version");

        ClassLoader parent = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
        Object expected = parent.loadClass("io.jbeam.shapes25.Modern").getMethod("call")
                .invoke(parent.loadClass("io.jbeam.shapes25.Modern").getConstructor().newInstance());
        for (double p : new double[] {1.0, 0.2}) {
            ShapeRunner.Run run = ShapeRunner.woven("io.jbeam.shapes25.Modern", parent, BudgetPolicy.chaos(p, 3),
                    ShapeRunner.PACKAGE, "io.jbeam.shapes25.");
            assertNull(run.error(), () -> String.valueOf(run.error()));
            assertEquals(expected, run.result());
            assertTrue(run.suspensions() > 0);
            assertTrue(run.loader().reports.keySet().containsAll(List.of("io.jbeam.shapes25.Modern",
                    "io.jbeam.shapes25.Modern$Num")) || run.loader().reports.containsKey("io.jbeam.shapes25.Modern"));
            // eval's recursive calls, through a pattern switch, go to its fiber-passing copy.
            assertEquals(1, run.loader().reports.get("io.jbeam.shapes25.Modern").copies, "copies in Modern");
        }
        assertTrue(new File(out.toFile(), "io/jbeam/shapes25").list().length >= 5);
    }
}
