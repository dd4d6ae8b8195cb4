package dev.divergence.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drift answer as one self-contained HTML page (no script, no external style, font or image, so a job can
 * store or e-mail it): the dataset verdict, the tested columns sorted by how far past their thresholds they are,
 * each with both windows' distributions drawn on one SVG chart (overlaid histograms on shared bins, or side-by-side
 * bars per category) and its missing shares, then the skipped columns.
 */
final class DriftReportPage {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 210;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 46;
    private static final String REFERENCE_COLOR = "#4c78a8";
    private static final String CURRENT_COLOR = "#f58518";

    private DriftReportPage() {
    }

    /**
     * @param response the answer
     * @param charts what to draw per column
     * @return the page
     */
    static String render(DriftResponse response, Map<String, ColumnChart> charts) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\"><title>Drift report</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<header><h1>Data drift report</h1>");
        html.append("<p id=\"verdict\" class=\"verdict ").append(response.datasetDrift() ? "drift" : "ok").append("\">")
                .append(response.datasetDrift() ? "Dataset drift detected" : "No dataset drift").append("</p>");
        html.append("<p class=\"summary\">").append(response.numberOfDriftedColumns()).append(" of ")
                .append(response.numberOfColumns()).append(" tested columns drifted (")
                .append(percent(response.shareOfDriftedColumns())).append("); the dataset drifts at ")
                .append(percent(response.driftShare())).append(". Correction: ")
                .append(escape(response.correction().jsonName())).append(".</p>");
        html.append("<p class=\"legend\"><span class=\"swatch\" style=\"background:").append(REFERENCE_COLOR)
                .append("\"></span>reference <span class=\"swatch\" style=\"background:").append(CURRENT_COLOR)
                .append("\"></span>current</p></header>\n");
        List<DriftResponse.Column> columns = new ArrayList<>(response.columns());
        columns.sort(Comparator.comparingDouble(DriftReportPage::severity).reversed());
        html.append("<table id=\"columns-table\"><thead><tr><th>column</th><th>type</th><th>method</th><th>score</th>")
                .append("<th></th><th>threshold</th><th>verdict</th></tr></thead><tbody>");
        for (DriftResponse.Column c : columns) {
            html.append("<tr class=\"").append(c.driftDetected() ? "drift" : "ok").append("\"><td><a href=\"#col-")
                    .append(anchor(c.column())).append("\">").append(escape(c.column())).append("</a></td><td>")
                    .append(c.type().jsonName()).append("</td><td>").append(c.method().jsonName()).append("</td><td>")
                    .append(number(c.score())).append("</td><td>").append(escape(c.comparison())).append("</td><td>")
                    .append(number(c.threshold())).append("</td><td>").append(c.driftDetected() ? "drift" : "no drift")
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
        for (DriftResponse.Column c : columns) {
            html.append("<article class=\"column ").append(c.driftDetected() ? "drift" : "ok").append("\" id=\"col-")
                    .append(anchor(c.column())).append("\"><h2>").append(escape(c.column())).append(" <small>")
                    .append(c.type().jsonName()).append("</small></h2><p>").append(c.method().jsonName()).append(": ")
                    .append(c.scoreKind() == DriftResponse.ScoreKind.P_VALUE ? "p-value " : "distance ")
                    .append(number(c.score())).append(' ').append(escape(c.comparison())).append(' ')
                    .append(number(c.threshold())).append(" → ").append(c.driftDetected() ? "<b>drift</b>" : "no drift")
                    .append("</p>");
            ColumnChart chart = charts.get(c.column());
            if (chart != null) {
                chart(html, chart, c.column());
                html.append("<p class=\"missing\">missing values: reference ").append(percent(chart.referenceMissing()))
                        .append(", current ").append(percent(chart.currentMissing())).append("</p>");
            }
            for (String w : c.warnings()) {
                html.append("<p class=\"warning\">").append(escape(w)).append("</p>");
            }
            html.append("</article>\n");
        }
        if (!response.skippedColumns().isEmpty()) {
            html.append("<section id=\"skipped\"><h2>Not tested</h2><ul>");
            for (DriftResponse.Skipped s : response.skippedColumns()) {
                html.append("<li><b>").append(escape(s.column())).append("</b>: ").append(escape(s.reason()))
                        .append("</li>");
            }
            html.append("</ul></section>\n");
        }
        for (String w : response.warnings()) {
            html.append("<p class=\"warning\">").append(escape(w)).append("</p>");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /** How far past its threshold a column is: threshold/p for p-values, distance/threshold for distances. */
    static double severity(DriftResponse.Column c) {
        if (c.threshold() <= 0) {
            return c.driftDetected() ? Double.MAX_VALUE : 0;
        }
        return c.scoreKind() == DriftResponse.ScoreKind.P_VALUE ? c.threshold() / Math.max(c.score(), 1e-300)
                : c.score() / c.threshold();
    }

    private static void chart(StringBuilder html, ColumnChart chart, String column) {
        int bins = chart.reference().length;
        double max = 0;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, Math.max(chart.reference()[i], chart.current()[i]));
        }
        max = max > 0 ? max : 1;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        html.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\"><title>")
                .append(escape(column)).append(": reference and current shares</title>");
        html.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotHeight).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(TOP + plotHeight).append("\" class=\"axis\"/>");
        html.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 4).append("\" class=\"tick\" ")
                .append("text-anchor=\"end\">").append(percent(max)).append("</text>");
        html.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + plotHeight).append("\" class=\"tick\" ")
                .append("text-anchor=\"end\">0</text>");
        double slot = plotWidth / bins;
        for (int i = 0; i < bins; i++) {
            double x = LEFT + i * slot;
            if (chart.numerical()) {
                bar(html, x, slot, chart.reference()[i], max, plotHeight, REFERENCE_COLOR, "reference", i, chart);
                bar(html, x, slot, chart.current()[i], max, plotHeight, CURRENT_COLOR, "current", i, chart);
            } else {
                double half = slot * 0.4;
                bar(html, x + slot * 0.1, half, chart.reference()[i], max, plotHeight, REFERENCE_COLOR, "reference", i,
                        chart);
                bar(html, x + slot * 0.5, half, chart.current()[i], max, plotHeight, CURRENT_COLOR, "current", i,
                        chart);
                String label = chart.labels().get(i);
                html.append("<text x=\"").append(format(x + slot / 2)).append("\" y=\"").append(TOP + plotHeight + 14)
                        .append("\" class=\"tick\" text-anchor=\"middle\">")
                        .append(escape(label.length() > 12 ? label.substring(0, 11) + "…" : label)).append("</text>");
            }
        }
        if (chart.numerical()) {
            double[] e = chart.edges();
            html.append("<text x=\"").append(LEFT).append("\" y=\"").append(TOP + plotHeight + 14)
                    .append("\" class=\"tick\">").append(number(e[0])).append("</text><text x=\"").append(WIDTH - RIGHT)
                    .append("\" y=\"").append(TOP + plotHeight + 14).append("\" class=\"tick\" text-anchor=\"end\">")
                    .append(number(e[e.length - 1])).append("</text>");
        }
        html.append("</svg>");
    }

    private static void bar(StringBuilder html, double x, double width, double share, double max, double plotHeight,
            String color, String window, int bin, ColumnChart chart) {
        double h = share / max * plotHeight;
        String what = chart.numerical() ? "[" + number(chart.edges()[bin]) + ", " + number(chart.edges()[bin + 1])
                + (bin == chart.edges().length - 2 ? "]" : ")") : chart.labels().get(bin);
        html.append("<rect class=\"bar ").append(window).append("\" x=\"").append(format(x)).append("\" y=\"")
                .append(format(TOP + plotHeight - h)).append("\" width=\"").append(format(Math.max(width - 1, 0.5)))
                .append("\" height=\"").append(format(h)).append("\" fill=\"").append(color)
                .append("\" fill-opacity=\"0.6\"><title>").append(window).append(' ').append(escape(what)).append(": ")
                .append(percent(share)).append("</title></rect>");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String anchor(String column) {
        StringBuilder a = new StringBuilder();
        for (char ch : column.toCharArray()) {
            a.append(Character.isLetterOrDigit(ch) ? ch : '_');
        }
        return a.toString() + "-" + Integer.toHexString(column.hashCode());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String STYLE = "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;"
            + "margin:24px auto;max-width:720px;color:#222;padding:0 12px}h1{margin:0 0 8px}h2{font-size:17px;"
            + "margin:0 0 4px}h2 small{color:#777;font-weight:normal}.verdict{font-size:18px;font-weight:600;"
            + "padding:8px 12px;border-radius:6px;display:inline-block;margin:4px 0}.verdict.drift{background:#fde2e1;"
            + "color:#a61b1b}.verdict.ok{background:#e3f4e1;color:#1d6b1d}.legend .swatch{display:inline-block;"
            + "width:12px;height:12px;margin:0 4px 0 10px;vertical-align:-1px;opacity:.75}table{border-collapse:"
            + "collapse;width:100%;margin:12px 0 20px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid "
            + "#e5e5e5}tr.drift td:last-child{color:#a61b1b;font-weight:600}article{border:1px solid #e5e5e5;"
            + "border-left:4px solid #8bc48a;border-radius:6px;padding:10px 12px;margin:0 0 14px}article.drift{"
            + "border-left-color:#d9534f}.chart{max-width:100%;height:auto}.axis{stroke:#999}.tick{font-size:11px;"
            + "fill:#555}.missing{color:#555;margin:2px 0}.warning{color:#8a5a00}";
}
