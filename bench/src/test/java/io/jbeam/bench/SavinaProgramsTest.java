package io.jbeam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbeam.bench.peer.savina.PekkoSavina;
import io.jbeam.bench.peer.savina.VtSavina;
import io.jbeam.bench.savina.JbeamSavina;
import io.jbeam.bench.savina.SavinaProgram;
import io.jbeam.bench.savina.SavinaSizes;
import io.jbeam.bench.woven.savina.PingPong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Savina program of {@link SavinaBenchmark} runs once, at a hundredth of its size, on each implementation,
 * and gives the result it must ({@code run} checks it and throws otherwise). Runs with the agent, as the benchmark
 * forks do; the virtual-thread runs need JDK 21+ and are skipped on an older JDK.
 */
class SavinaProgramsTest {
    private static final SavinaSizes SMALL = SavinaSizes.at(0.01);
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(20);

    private static PekkoSavina pekko;

    @BeforeAll
    static void startPekko() {
        pekko = new PekkoSavina();
    }

    @AfterAll
    static void stopPekko() throws Exception {
        pekko.close();
    }

    @Test
    void theProcessBodiesAreWoven() {
        AgentCheck.requireWoven(PingPong.class);
    }

    @ParameterizedTest
    @EnumSource(SavinaProgram.class)
    void jbeam(SavinaProgram program) {
        assertEquals(SMALL.expected(program), JbeamSavina.run(program, SMALL, TIMEOUT_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(SavinaProgram.class)
    void virtualThreads(SavinaProgram program) {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+, this is " + Runtime.version()
                + "; run with -Djbeam.test.jvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java to include them");
        assertEquals(SMALL.expected(program), new VtSavina().run(program, SMALL, TIMEOUT_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(SavinaProgram.class)
    void pekko(SavinaProgram program) {
        assertEquals(SMALL.expected(program), pekko.run(program, SMALL, TIMEOUT_MILLIS));
    }

    @Test
    void fullSizesAreSavinasDefaults() {
        SavinaSizes full = SavinaSizes.at(1.0);
        assertEquals(40_000, full.pings);
        assertEquals(1_000_000, full.increments);
        assertEquals(60L * 10_000, full.expected(SavinaProgram.FJ_THROUGHPUT));
        assertEquals(40_000, full.createdActors);
        assertEquals(100, full.ringActors);
        assertEquals(100_000, full.ringPasses);
        assertEquals(2L * 200_000, full.expected(SavinaProgram.CHAMENEOS));
        assertEquals(120L * 20_000, full.expected(SavinaProgram.BIG));
        assertEquals(1_000_000, full.skynetLeaves);
        assertEquals(499_999_500_000L, full.expected(SavinaProgram.SKYNET));
    }

    @Test
    void skynetAtSmallScaleSumsItsLeaves() {
        long n = SMALL.skynetLeaves;
        assertEquals(10_000, n);
        assertEquals(n * (n - 1) / 2, SMALL.expected(SavinaProgram.SKYNET));
    }

    @Test
    void aWrongOrMissingResultFailsTheRun() {
        assertThrows(IllegalStateException.class, () -> SMALL.check(SavinaProgram.COUNTING, "test", 9_999L));
        assertThrows(IllegalStateException.class, () -> SMALL.check(SavinaProgram.COUNTING, "test", null));
        assertEquals(10_000L, SMALL.check(SavinaProgram.COUNTING, "test", 10_000L));
    }
}
