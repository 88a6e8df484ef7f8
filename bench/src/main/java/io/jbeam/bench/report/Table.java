package io.jbeam.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells under a header, written as a Markdown table for the report or as aligned columns for the
 * console. The first column is left-aligned (row names), the others right-aligned when they hold figures.
 */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean figures;

    /** A table of figures: every column but the first right-aligned. */
    Table(List<String> header) {
        this(header, true);
    }

    /** @param figures whether the columns after the first hold figures (right-aligned) or text (left-aligned) */
    Table(List<String> header, boolean figures) {
        this.header = List.copyOf(header);
        this.figures = figures;
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 || !figures ? " --- |" : " ---: |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    String text() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = plain(header.get(i)).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], plain(r.get(i)).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        pad(sb, header, width, figures);
        for (List<String> r : rows) {
            pad(sb, r, width, figures);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.isEmpty() ? " " : c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }

    /** A cell without its Markdown emphasis. */
    private static String plain(String cell) {
        return cell.replace("**", "");
    }

    private static void pad(StringBuilder sb, List<String> cells, int[] width, boolean figures) {
        for (int i = 0; i < cells.size(); i++) {
            String c = plain(cells.get(i));
            String gap = " ".repeat(Math.max(0, width[i] - c.length()));
            sb.append(i == 0 ? c + gap : figures ? "  " + gap + c : "  " + c + gap);
        }
        sb.append('\n');
    }
}
