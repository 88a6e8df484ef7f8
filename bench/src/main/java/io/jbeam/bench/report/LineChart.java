package io.jbeam.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with Java2D and written as PNG: a title, two {@link Axis axes} with grid lines at their
 * ticks, one line per series (with point markers when a series has few points), and a legend in the corner of
 * the plot that the lines cross least.
 */
final class LineChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /**
     * One line: its legend name, its points, and whether it is dashed: a dashed line is a second variant of the
     * implementation drawn just before it, in that implementation's colour.
     */
    record Series(String name, double[] x, double[] y, boolean dashed) {
        Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }
    }

    private static final float[] DASH = {7f, 5f};

    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 46;
    private static final int BOTTOM = 60;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<Series> series = new ArrayList<>();

    LineChart(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
    }

    LineChart add(Series s) {
        if (s.x().length != s.y().length) {
            throw new IllegalArgumentException(s.name() + ": " + s.x().length + " x values, " + s.y().length + " y");
        }
        series.add(s);
        return this;
    }

    List<Series> series() {
        return List.copyOf(series);
    }

    BufferedImage draw() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Rectangle plot = new Rectangle(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
            frame(g, plot);
            lines(g, plot);
            legend(g, plot);
        } finally {
            g.dispose();
        }
        return img;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(draw(), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private int px(Rectangle plot, double v) {
        return plot.x + (int) Math.round(x.position(v) * plot.width);
    }

    private int py(Rectangle plot, double v) {
        return plot.y + plot.height - (int) Math.round(y.position(v) * plot.height);
    }

    private void frame(Graphics2D g, Rectangle plot) {
        g.setFont(TITLE);
        g.setColor(Color.BLACK);
        FontMetrics tm = g.getFontMetrics();
        g.drawString(title, (WIDTH - tm.stringWidth(title)) / 2, 28);

        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1));
        for (Axis.Tick t : x.ticks()) {
            int px = px(plot, t.value());
            g.setColor(new Color(0xe4e4e4));
            g.drawLine(px, plot.y, px, plot.y + plot.height);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + 4);
            g.drawString(t.label(), px - fm.stringWidth(t.label()) / 2, plot.y + plot.height + 6 + fm.getAscent());
        }
        for (Axis.Tick t : y.ticks()) {
            int py = py(plot, t.value());
            g.setColor(new Color(0xe4e4e4));
            g.drawLine(plot.x, py, plot.x + plot.width, py);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(plot.x - 4, py, plot.x, py);
            g.drawString(t.label(), plot.x - 7 - fm.stringWidth(t.label()), py + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(plot.x, plot.y, plot.width, plot.height);
        g.setColor(Color.BLACK);
        g.drawString(x.title(), plot.x + (plot.width - fm.stringWidth(x.title())) / 2, HEIGHT - 14);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(y.title(), -(plot.y + (plot.height + fm.stringWidth(y.title())) / 2), 18);
        g.setTransform(saved);
    }

    private void lines(Graphics2D g, Rectangle plot) {
        List<Color> colours = colours();
        Graphics2D clip = (Graphics2D) g.create();
        clip.clip(new Rectangle(plot.x - 4, plot.y - 4, plot.width + 8, plot.height + 8));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            clip.setColor(colours.get(k));
            clip.setStroke(stroke(s, 2.2f));
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < s.x().length; i++) {
                double px = px(plot, s.x()[i]);
                double py = py(plot, s.y()[i]);
                if (i == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
            clip.draw(path);
            if (s.x().length <= 30) {
                for (int i = 0; i < s.x().length; i++) {
                    clip.fillOval(px(plot, s.x()[i]) - 4, py(plot, s.y()[i]) - 4, 9, 9);
                }
            }
        }
        clip.dispose();
    }

    private void legend(Graphics2D g, Rectangle plot) {
        if (series.isEmpty()) {
            return;
        }
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight() + 2;
        int w = 0;
        for (Series s : series) {
            w = Math.max(w, fm.stringWidth(s.name()));
        }
        w += 44;
        int h = line * series.size() + 10;
        Rectangle best = null;
        int fewest = Integer.MAX_VALUE;
        int m = 10;
        for (Rectangle r : new Rectangle[] {
            new Rectangle(plot.x + m, plot.y + m, w, h),
            new Rectangle(plot.x + plot.width - w - m, plot.y + m, w, h),
            new Rectangle(plot.x + plot.width - w - m, plot.y + plot.height - h - m, w, h),
            new Rectangle(plot.x + m, plot.y + plot.height - h - m, w, h)}) {
            int inside = 0;
            for (Series s : series) {
                for (int i = 0; i < s.x().length; i++) {
                    if (r.contains(px(plot, s.x()[i]), py(plot, s.y()[i]))) {
                        inside++;
                    }
                }
            }
            if (inside < fewest) {
                fewest = inside;
                best = r;
            }
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(best);
        g.setColor(Color.GRAY);
        g.draw(best);
        List<Color> colours = colours();
        int yy = best.y + 5;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(colours.get(k));
            g.setStroke(stroke(s, 3f));
            int mid = yy + line / 2;
            g.drawLine(best.x + 8, mid, best.x + 32, mid);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), best.x + 38, mid + fm.getAscent() / 2 - 1);
            yy += line;
        }
    }

    /** A colour per series, in order: a dashed series takes the colour of the one before it. */
    private List<Color> colours() {
        Palette palette = new Palette();
        List<Color> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.dashed() && !out.isEmpty() ? out.get(out.size() - 1) : palette.next(s.name()));
        }
        return out;
    }

    private static BasicStroke stroke(Series s, float width) {
        return s.dashed()
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
