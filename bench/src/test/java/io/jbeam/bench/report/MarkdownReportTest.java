package io.jbeam.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report written from {@code src/test/resources/report-sample}: JMH JSON of a real smoke run (weaving, spawn,
 * messaging), a {@code RingBenchmark} with a process-count parameter and three implementations, Erlang RESULT
 * lines (one in another unit), the fairness probe with its latency files, the idle-process count and
 * {@code run-info.txt}. Checks that every section and table is there with the right figures and that every chart
 * decodes as an 800 x 500 PNG; no timing is asserted.
 */
class MarkdownReportTest {
    @TempDir
    static Path out;
    static String md;
    static List<Path> written;

    @BeforeAll
    static void writeReport() throws Exception {
        Path stale = out.resolve(MarkdownReport.CHARTS).resolve("scaling-gone.png");
        Files.createDirectories(stale.getParent());
        Files.write(stale, new byte[] {1});
        written = MarkdownReport.write(Results.read(sample()), out);
        md = Files.readString(out.resolve(MarkdownReport.FILE));
    }

    static Path sample() throws URISyntaxException {
        return Path.of(MarkdownReportTest.class.getResource("/report-sample").toURI());
    }

    @Test
    void headerStatesTheRunAndTheMachine() {
        assertTrue(md.startsWith("# jbeam benchmarks\n"), md);
        for (String s : new String[] {"| date | 2026-11-22T03:08:17Z |", "| commit | dc4f7ff (0 files modified) |",
            "| mode | smoke (", "| machine | 2 cores, AMD EPYC, 23.5 GiB memory, Linux", "| load average | 5.93 3.81 2.78 at"
                + " the start, 9.11 6.10 3.82 at the end", "JDK 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15",
            "JDK 25.0.3 (OpenJDK 64-Bit Server VM 25.0.3+9-LTS", "| Erlang/OTP | 25.2.3 (erts 13.1.5), 2 schedulers |",
            "| Apache Pekko | 1.1.5 |", "| reproduce | `bench/run-bench --smoke --no-build` |",
            "The machine was shared: a load average of 5.9 on 2 cores before the run."}) {
            assertTrue(md.contains(s), "missing: " + s);
        }
    }

    @Test
    void aTablePerClassAndJdk() {
        assertTableHeader("WeavingOverheadBenchmark (JDK 17.0.15)",
                "| workload | woven | process | plain | woven/plain | process/plain |");
        assertTableHeader("SpawnBenchmark (JDK 25.0.3)",
                "|   | spawnExit | spawnReply | virtualThreadExit | spawnExit/virtualThreadExit | spawnReply/virtualThreadExit |");
        assertTableHeader("MessagingBenchmark (JDK 25.0.3)",
                "| shape | jbeam | virtualThreads | erlang | jbeam/virtualThreads | jbeam/erlang |");
        assertTableHeader("RingBenchmark (JDK 25.0.3)", "| processes | jbeam | virtualThreads | pekko | erlang |"
                + " jbeam/virtualThreads | jbeam/pekko | jbeam/erlang |");
        assertEquals(4, count("\n### "), "four tables");
        assertEquals(3, count("| **geomean** |"), "weaving, messaging and ring tables have several rows and ratios");
    }

    @Test
    void scoresAreMediansWithRangesAndPeersAreConvertedToTheTableUnit() {
        // RingBenchmark at 1000 processes: jbeam iterations 57.95 (57.9499...), 61, 67.1; Erlang 0.35 us/op is 350 ns/op.
        assertTrue(md.contains("| 1000 | 61.0 (57.9–67.1) | 454 (431–499) | 210 (200–231) | 350 | 0.13x | 0.29x | 0.17x |"),
                md);
        assertTrue(md.contains("| pingPong | 4,149 | 5,004 | 762 | 0.83x | 5.45x |"), md);
    }

    @Test
    void fairnessTableForEveryRun() {
        assertTrue(md.contains("## Fairness"));
        assertTrue(md.contains("| jbeam (JDK 17.0.15) | 3.00 µs | 166 µs | 18.1 ms | 200 of 200 | 1.00x | 1.00x |"), md);
        assertTrue(md.contains("| virtual threads (JDK 25.0.3) | 4.50 µs | 3.93 ms | 783 ms | 170 of 200 | 23.8x | 43.2x |"),
                md);
        assertTrue(md.contains("| Erlang (OTP 25) |"), md);
        assertTrue(md.contains("| jbeam (JDK 17.0.15) | 20,000 | 324 | 8 | 914 ns |"), md);
    }

    @Test
    void everyChartIsLinkedAndDecodesAt800x500() throws Exception {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertEquals(List.of("docs/bench/scaling-ringbenchmark-jdk-25-0-3.png", "docs/bench/fairness-latency.png"), links);
        assertEquals(links.size() + 1, written.size());
        for (String link : links) {
            Path png = out.resolve(link);
            assertTrue(written.contains(png), link);
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, link + " is not an image");
            assertEquals(800, img.getWidth(), link);
            assertEquals(500, img.getHeight(), link);
            assertTrue(pixels(img, 0x1f77b4) > 300, link + ": no jbeam line");
            assertTrue(pixels(img, 0xff7f0e) > 300, link + ": no virtual-thread line");
            assertTrue(pixels(img, 0xd62728) > 300, link + ": no Erlang line");
        }
        assertFalse(Files.exists(out.resolve(MarkdownReport.CHARTS).resolve("scaling-gone.png")),
                "a chart of an earlier report is removed");
    }

    @Test
    void contentsLinkToEveryHeading() {
        Matcher m = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(md);
        int links = 0;
        while (m.find()) {
            links++;
            String anchor = m.group(1);
            boolean found = md.lines().filter(l -> l.startsWith("#"))
                    .anyMatch(l -> MarkdownReport.anchor(l.replaceFirst("^#+ ", "")).equals(anchor));
            assertTrue(found, "no heading for #" + anchor);
        }
        assertEquals(6, links);
    }

    @Test
    void filesThatCannotBeReadAreNamedNotFatal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\" : ");
        Files.writeString(dir.resolve("fairness.txt"), "RESULT fairness impl=jbeam pings=10\n");
        Files.writeString(dir.resolve("ring-erlang.txt"),
                "RESULT class=RingBenchmark row=10 impl=erlang score=300 unit=ns/op\n");
        MarkdownReport.write(Results.read(dir), dir);
        String report = Files.readString(dir.resolve(MarkdownReport.FILE));
        assertTrue(report.contains("## Not read\n\n- broken.json: JSON: unexpected end"), report);
        assertTrue(report.contains("- fairness.txt: RESULT line without spinners"), report);
        assertTrue(report.contains("### RingBenchmark\n"), "a peer's results without JMH ones still get a table");
    }

    private static void assertTableHeader(String title, String header) {
        int at = md.indexOf("### " + title + "\n");
        assertTrue(at >= 0, "no section " + title);
        int next = md.indexOf("\n#", at + 4);
        String section = md.substring(at, next < 0 ? md.length() : next);
        assertTrue(section.contains("\n" + header + "\n"), title + ":\n" + section);
    }

    private static int count(String s) {
        int n = 0;
        for (int i = md.indexOf(s); i >= 0; i = md.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
