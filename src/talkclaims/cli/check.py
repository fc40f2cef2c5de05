"""``talkclaims check``: attributions checked in CI, with an exit code a build can use.

The command reads its options and the articles, runs `talkclaims.qa.checks.run_checks`
and writes the findings in the chosen format; the checks themselves are library code.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from talkclaims.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    FirstNamesOption,
    GlobOption,
    ModelOption,
    PatternsOption,
    error,
    load_extractor,
    load_inputs,
    usage_error,
    with_progress,
    writing,
)


class CheckFormat(str, Enum):
    """Output formats of `talkclaims check` (`talkclaims.qa.checks.FORMATS`)."""

    text = "text"
    github = "github"
    junit = "junit"
    json = "json"


def _names(option: str) -> set[str]:
    """The comma-separated names of an option (« speaker, source »)."""
    return {name.strip() for name in option.split(",") if name.strip()}


def check(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Articles or folders to check.")
    ],
    expect: Annotated[
        Path | None,
        typer.Option(
            "--expect",
            metavar="FILE",
            help="YAML list of checked attributions: doc, quote, speaker, sources.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Claims written earlier by `extract --format yaml` "
            "(or json, jsonl, parquet): report what was added, removed or changed.",
        ),
    ] = None,
    require: Annotated[
        str,
        typer.Option(
            "--require",
            metavar="REQUIREMENTS",
            help="Every claim must have these: speaker, source, named (not anonymous),"
            " described (an anonymous speaker with a description); every quotation across"
            " the articles: consistent-speaker (one person), same-wording (one wording).",
        ),
    ] = "",
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            metavar="FILE",
            help="Claims extracted earlier (JSON Lines, Parquet, JSON, YAML), e.g. "
            "yesterday's wire: check the articles' quotations against theirs "
            "(consistent-speaker and same-wording unless --require names one).",
        ),
    ] = None,
    min_words: Annotated[
        int,
        typer.Option(
            "--min-words", metavar="N", min=2, help="Quotations shorter than this are not grouped."
        ),
    ] = 5,
    kinds: Annotated[
        str, typer.Option("--kinds", metavar="KINDS", help="Kinds of claim --require applies to.")
    ] = "direct,mixed",
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", metavar="X", min=0.0, max=1.0, help="Ignore claims below this."
        ),
    ] = 0.0,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Findings format.", case_sensitive=False)
    ] = CheckFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write findings here (e.g. JUnit XML)."
        ),
    ] = None,
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
    glob: GlobOption = None,
) -> None:
    """Fail when a quote has no speaker or source, or a checked attribution changed.

    Exit codes: 0 every check passed, 1 a check failed, 2 usage or input error.
    """
    from talkclaims.qa import checks
    from talkclaims.read.readers import ReadFailure, iter_documents
    from talkclaims.records import KINDS
    from talkclaims.text.controls import printable
    from talkclaims.write.atomic import atomic_output

    required, chosen = _names(require), _names(kinds)
    if required - set(checks.REQUIREMENTS) or chosen - set(KINDS):
        usage_error(
            f"--require takes {','.join(checks.REQUIREMENTS)} and --kinds {','.join(KINDS)}"
        )
    if expect is None and baseline is None and against is None and not required:
        usage_error(
            "nothing to check: give --expect, --baseline, --against or --require (see --help)"
        )
    names, rules = load_inputs(
        paths, patterns, glob, output=output, other_inputs=(expect, baseline, against)
    )
    try:
        expectations = checks.load_expectations(expect) if expect else []
        before = checks.load_baseline(baseline) if baseline else None
        archive = list(checks.iter_claims(against)) if against else None
    except checks.CheckInputError as exc:
        usage_error(str(exc))
    extractor = load_extractor(patterns, first_names, model, rules)
    texts: dict[str, str] = {}
    unreadable = False
    documents = []
    for item in iter_documents(names):
        if isinstance(item, ReadFailure):
            unreadable = True
            error(f"{item.id}: {item.message}")
        else:
            documents.append(item)
            texts[item.id] = item.text
    claims = {}
    for result in with_progress(extractor.process(documents), len(documents)):
        if result.error:  # an article whose claims are unknown passes no check
            unreadable = True
            error(f"{result.doc}: {result.error}")
        else:
            claims[result.doc] = result.claims
    findings = checks.run_checks(
        claims,
        texts,
        expectations=expectations,
        baseline=before,
        required=required,
        kinds=chosen,
        min_confidence=min_confidence,
        same_person=extractor.engine.people.same_person,
        scope=paths,
        against=archive,
        people=extractor.engine.people,
        min_words=min_words,
    )
    rendered = checks.render_findings(findings, fmt.value, list(texts))
    if fmt in (CheckFormat.text, CheckFormat.github):  # for a person or a CI log: see printable
        rendered = printable(rendered)
    with writing(output):
        if output is None:
            sys.stdout.write(rendered)
        else:
            with atomic_output(output) as stream:
                stream.write(rendered)
    if unreadable:  # an article that cannot be read is an input error, whatever was found
        raise typer.Exit(EXIT_USAGE)
    if findings:
        raise typer.Exit(EXIT_INPUT)
    total = sum(len(found) for found in claims.values())
    error(f"{len(claims)} article(s), {total} claim(s) checked: every check passed")
    raise typer.Exit(EXIT_OK)
