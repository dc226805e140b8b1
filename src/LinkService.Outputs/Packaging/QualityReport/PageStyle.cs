namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>The report's stylesheet, inline: the page loads nothing from anywhere.</summary>
internal static class PageStyle
{
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0 auto;max-width:60rem;padding:1.5rem;color:#1d2733;line-height:1.45}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d5dbe1;padding-bottom:.3rem}
        p.lede{color:#52606d;margin-top:0}
        dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem}
        dl.figures div{background:#f3f6f9;border-radius:6px;padding:.5rem .7rem}
        dl.figures dt{font-size:.8rem;color:#52606d}dl.figures dd{margin:0;font-size:1.2rem;font-weight:600}
        table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
        th,td{padding:.25rem .7rem;border-bottom:1px solid #e4e8ec;text-align:left}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        svg.chart{width:100%;height:auto;display:block;margin:.6rem 0}
        svg .label{text-anchor:end;font-size:12px;fill:#1d2733}
        svg .value,svg .tick-x,svg .axis-title{font-size:11px;fill:#52606d}
        svg .tick{text-anchor:end;font-size:11px;fill:#52606d}
        svg .tick-x,svg .axis-title{text-anchor:middle}
        svg .grid{stroke:#e4e8ec}svg .axis{stroke:#7b8794}
        svg .threshold{stroke:#1d2733;stroke-dasharray:4 3}svg .threshold-label{font-size:11px;fill:#1d2733}
        svg .bar{fill:#3f7cac}svg .bar-non{fill:#9fb3c8}svg .bar-review{fill:#e0a030}svg .bar-match{fill:#2f8f5b}
        svg .bar-negative{fill:#c05050}svg .bar-positive{fill:#2f8f5b}
        .note{font-size:.9rem;color:#52606d}
        em.thin{color:#a15c07;font-style:normal;font-size:.8rem;margin-left:.3rem}
        """;
}
