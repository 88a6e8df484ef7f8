package io.jbeam.vmtests.suite;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsing of the console launcher's output, on text in the shape it prints. */
class ConsoleSummaryTest {
    private static final String OUTPUT = String.join("\n",
            "jbeam-suite: most suspended body: org.example.FooTest#testBar (4027716 suspensions)",
            "jbeam-suite: bodies-in-process=8421 woven-roots=8421 fallbacks=0 suspensions=6704460 "
                    + "bodies-suspended=5084 max-suspensions-per-body=4027716 pinned-preemptions=8560059",
            "",
            "Failures (2):",
            "  JUnit Jupiter:IteratorUtilsTest:testGetIterator()",
            "    MethodSource [className = 'org.apache.commons.collections4.IteratorUtilsTest', "
                    + "methodName = 'testGetIterator', methodParameterTypes = '']",
            "    => java.lang.IllegalArgumentException: Could not create type",
            "       net.bytebuddy.TypeCache.findOrInsert(TypeCache.java:170)",
            "  JUnit Jupiter:PropertiesFactoryTest:testLoadClassLoaderResource(String):[1] .properties",
            "    => java.lang.NullPointerException",
            "",
            "Test run finished after 43848 ms",
            "[       285 containers found      ]",
            "[         0 containers failed     ]",
            "[      8425 tests found           ]",
            "[         7 tests skipped         ]",
            "[      8356 tests successful      ]",
            "[         1 tests failed          ]",
            "");

    @Test
    void readsTheSummaryBoxTheFailedTestsAndTheRunnerLine() {
        ConsoleSummary s = ConsoleSummary.parse(OUTPUT);
        assertEquals(285, s.count("containers found"));
        assertEquals(8425, s.count("tests found"));
        assertEquals(8356, s.count("tests successful"));
        assertEquals(1, s.count("tests failed"));
        assertEquals(Set.of("JUnit Jupiter:IteratorUtilsTest:testGetIterator()",
                "JUnit Jupiter:PropertiesFactoryTest:testLoadClassLoaderResource(String):[1] .properties"),
                s.failures);
        assertEquals(6704460, s.runner("suspensions"));
        assertEquals(0, s.runner("fallbacks"));
        assertEquals(8421, s.runner("woven-roots"));
        assertEquals("org.example.FooTest#testBar (4027716 suspensions)", s.mostSuspended);
    }

    @Test
    void aMissingFigureFailsClearly() {
        ConsoleSummary s = ConsoleSummary.parse("[        3 tests found           ]\n");
        assertTrue(s.failures.isEmpty());
        assertTrue(s.runner.isEmpty());
        assertThrows(AssertionError.class, () -> s.count("tests failed"));
        assertThrows(AssertionError.class, () -> s.runner("suspensions"));
    }
}
