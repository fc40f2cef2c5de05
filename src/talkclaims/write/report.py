"""A self-contained HTML report: summary charts, articles with claims marked, filters.

One file, no network: CSS and script are inline, charts are inline SVG. Every piece of
article text goes through `html.escape`, so an article containing ``<script>`` shows it
as text. Filters (by speaker, by outlet) run in the page, without a server. Charts
count claims by speaker, outlet, kind, speaker type and speaker gender; a quotation
without a speaker has a colour of its own (class ``nospeaker``), so what the extractor
could not attribute stands out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from talkclaims.records import Claim
from talkclaims.write.outputs import GENERATOR
from talkclaims.write.views import Count, count_by

BAR_LIMIT = 15  # groups shown per chart; the rest are summed under « others »

CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:auto;padding:0 1.2em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
.charts{display:flex;flex-wrap:wrap;gap:2em}.chart{flex:1 1 320px}
.chart a{text-decoration:none;color:inherit}.chart svg{width:100%;height:auto}
.bar{fill:#4a7bb7}.bar:hover{fill:#e07b39}
.filters{position:sticky;top:0;background:#fafafa;padding:.6em 0;border-bottom:1px solid #ddd}
article{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:1em 1.4em;
margin:1.2em 0;white-space:pre-wrap}
article h3{white-space:normal;margin:0 0 .6em;font-size:1em;color:#555}
mark{border-radius:3px;padding:0 .1em;cursor:help;position:relative}
mark.direct{background:#c9f0d3}mark.mixed{background:#ffe7a3}mark.indirect{background:#cfe0fb}
mark.nospeaker,.legend .nospeaker{background:#f7c6d9}
mark.dim{background:transparent;outline:1px dotted #bbb}
mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:9;min-width:18em;
background:#222;color:#fff;padding:.5em .7em;border-radius:4px;font-size:.85em;
white-space:normal}
mark:hover .tip,mark:focus .tip{display:block}
.n{font-size:.75em;font-weight:bold;color:#666;margin-right:.15em}
.legend span{display:inline-block;padding:0 .5em;margin-right:.6em;border-radius:3px}
"""

SCRIPT = """
(function(){
  var sp=document.getElementById('f-speaker'), so=document.getElementById('f-source');
  function apply(){
    var s=sp.value, o=so.value, shown=0;
    document.querySelectorAll('mark.claim').forEach(function(m){
      var srcs=(m.dataset.sources||'').split('\\u001f');
      var ok=(!s||m.dataset.speaker===s)&&(!o||srcs.indexOf(o)>=0);
      m.classList.toggle('dim',!ok); if(ok) shown++;
    });
    document.getElementById('f-count').textContent=shown;
  }
  sp.addEventListener('change',apply); so.addEventListener('change',apply);
  document.querySelectorAll('[data-filter-speaker]').forEach(function(a){
    a.addEventListener('click',function(){sp.value=a.dataset.filterSpeaker;apply();});
  });
  document.querySelectorAll('[data-filter-source]').forEach(function(a){
    a.addEventListener('click',function(){so.value=a.dataset.filterSource;apply();});
  });
  apply();
})();
"""


@dataclass(frozen=True)
class ArticleClaims:
    """An article's name, its text as read, and its claims."""

    doc: str
    text: str
    claims: Sequence[Claim]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _chart(
    title: str,
    counts: Sequence[Count],
    filter_attr: str | None,
    anchors: dict[str, int] | None = None,
) -> str:
    """A horizontal bar chart in inline SVG; bars link to the group's first claim."""
    shown = counts[:BAR_LIMIT]
    rest = sum(c.claims for c in counts[BAR_LIMIT:])
    rows = [(c.name, c.claims) for c in shown] + ([("others", rest)] if rest else [])
    top = max((n for _, n in rows), default=1)
    height, bar_h = 24 * len(rows) + 8, 18
    parts = [f'<svg viewBox="0 0 400 {height}" role="img" aria-label="{_e(title)}">']
    for i, (name, n) in enumerate(rows):
        y = 4 + i * 24
        width = max(2, round(180 * n / top))  # room left for the count after the bar
        label = name if len(name) <= 26 else name[:25] + "…"
        bar = (
            f'<text x="0" y="{y + 13}" font-size="12">{_e(label)}</text>'
            f'<rect class="bar" x="170" y="{y}" width="{width}" height="{bar_h}">'
            f"<title>{_e(name)}: {n}</title></rect>"
            f'<text x="{174 + width}" y="{y + 13}" font-size="12">{n}</text>'
        )
        if filter_attr and name not in ("(none)", "others"):
            # to the first claim of the group, with the filter set to the group
            target = f"#c{anchors[name]}" if anchors and name in anchors else "#filters"
            bar = f'<a href="{target}" {filter_attr}="{_e(name)}">{bar}</a>'
        parts.append(bar)
    parts.append("</svg>")
    return f'<div class="chart"><h2>{_e(title)}</h2>{"".join(parts)}</div>'


def _article(index: int, item: ArticleClaims, first_number: int) -> str:
    text, out, pos = item.text, [], 0
    for k, claim in enumerate(sorted(item.claims, key=lambda c: c.start)):
        if claim.start < pos:  # overlapping claims: mark the first only
            continue
        number = first_number + k
        out.append(_e(text[pos : claim.start]))
        tip = "<br>".join(
            f"<b>{label}</b> {_e(value)}"
            for label, value in (
                ("speaker", claim.speaker or "—"),
                ("cue", claim.cue or "—"),
                ("sources", "; ".join(claim.sources) or "—"),
                ("rule", claim.rule),
                ("confidence", f"{claim.confidence:.2f}"),
                ("kind", claim.kind),
            )
        )
        # no speaker: its own colour, over the kind's (the tip still says the kind)
        classes = f"claim {claim.kind}" + ("" if claim.speaker else " nospeaker")
        out.append(
            f'<mark class="{_e(classes)}" id="c{number}" tabindex="0" '
            f'data-speaker="{_e(claim.speaker or "")}" '
            f'data-sources="{_e(chr(31).join(claim.sources))}">'
            f'<span class="n">{number}</span>{_e(claim.text)}<span class="tip">{tip}</span></mark>'
        )
        pos = claim.end
    out.append(_e(text[pos:]))
    return f'<article id="a{index}"><h3>{_e(item.doc)}</h3>{"".join(out)}</article>'


def render_report(articles: Sequence[ArticleClaims], title: str = "talkclaims report") -> str:
    """The whole report as one HTML string."""
    claims = [c for a in articles for c in a.claims]
    speakers = count_by(claims, "speaker") if claims else []
    sources = count_by(claims, "source") if claims else []
    kinds = count_by(claims, "kind") if claims else []
    speaker_types = count_by(claims, "speaker_type") if claims else []
    genders = count_by(claims, "speaker_gender") if claims else []

    def options(counts) -> str:
        names = sorted(c.name for c in counts if c.name != "(none)")
        return "".join(f'<option value="{_e(n)}">{_e(n)}</option>' for n in names)

    sections, number = [], 1
    first_by_speaker: dict[str, int] = {}
    first_by_source: dict[str, int] = {}
    for i, item in enumerate(articles):
        sections.append(_article(i, item, number))
        for k, claim in enumerate(sorted(item.claims, key=lambda c: c.start)):
            first_by_speaker.setdefault(claim.speaker or "(none)", number + k)
            for source in claim.sources:
                first_by_source.setdefault(source, number + k)
        number += len(item.claims)
    kind_key = (
        "".join(
            f'<span class="{k}" style="background:{c}">{k}</span>'
            for k, c in (("direct", "#c9f0d3"), ("mixed", "#ffe7a3"), ("indirect", "#cfe0fb"))
        )
        + '<span class="nospeaker">no speaker</span>'
    )
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
{GENERATOR}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head>
<body><header><h1>{_e(title)}</h1>
<p>{len(articles)} articles, {len(claims)} claims.
<span class="legend">{kind_key}</span></p></header>
<main>
<section class="charts">
{_chart("Claims per speaker", speakers, "data-filter-speaker", first_by_speaker)}
{_chart("Claims per outlet", sources, "data-filter-source", first_by_source)}
{_chart("Claims by kind", kinds, None)}
{_chart("Claims by speaker type", speaker_types, None)}
{_chart("Claims by speaker gender", genders, None)}
</section>
<div class="filters" id="filters">
<label>Speaker <select id="f-speaker"><option value="">all</option>
{options(speakers)}</select></label>
<label>Outlet <select id="f-source"><option value="">all</option>
{options(sources)}</select></label>
<span><span id="f-count">{len(claims)}</span> claims shown</span>
</div>
{"".join(sections)}
</main>
<script>{SCRIPT}</script>
</body></html>
"""
