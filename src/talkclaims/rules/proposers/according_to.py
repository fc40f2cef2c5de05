"""Rule family ``selon``, first half: « selon X », « d'après X » and the clause they frame.

X is the speaker (and the source when it is an outlet). The framed clause is the one
after the phrase when the phrase opens the sentence (« Selon lui, … »), else the words
before it (« …, selon X »).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate
from talkclaims.rules.clauses import clause_end
from talkclaims.rules.families import SELON
from talkclaims.rules.found import Mention
from talkclaims.rules.mentions import is_apposition, mention_from_tokens, phrase_end
from talkclaims.text.fold import fold
from talkclaims.text.spans import INLINE_SPACE, skip

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


#: A word of the words before « selon »: what commas and spaces separate.
_WORD = re.compile(r"[^\s,]+")


def propose(ctx: ArticleContext) -> list[Candidate]:
    """« selon X », « d'après X »: the clause they frame, with X as speaker."""
    patterns = ctx.patterns
    text = ctx.text
    words = sorted(patterns.according_to, key=len, reverse=True)
    regex = re.compile(r"(?<![\w’'])(" + "|".join(map(re.escape, words)) + r")(?![\w’'-])", re.I)
    out: list[Candidate] = []
    for match in regex.finditer(text):
        if ctx.in_quote(match.start()):
            continue
        after = text[match.end() : match.end() + 30].lstrip()
        if fold(after).startswith(patterns.folded_not_before):
            continue
        sent_start, sent_end = ctx.sentence(match.start())
        np_start = skip(text, match.end(), INLINE_SPACE, sent_end)
        np_end = phrase_end(ctx, np_start, sent_end)
        if np_end <= np_start:
            continue
        tokens = [t for t in (ctx.char_span(np_start, np_end) or []) if not t.is_space]
        mention = mention_from_tokens(ctx, tokens, according=True)
        if mention is None:
            continue
        # « selon ses calculs », « selon ses termes »: the person the passage is about,
        # found as a pronoun is
        if (
            len(tokens) >= 2
            and tokens[0].lower_ in ctx.grammar.possessives
            and tokens[1].lower_ in patterns.possessed_speech
        ):
            mention = Mention(
                tokens[0].text, tokens[0].idx, tokens[0].idx + len(tokens[0].text), "pronoun"
            )
        # the first three words before « selon » say whether it opens the sentence
        lead_words = [
            w.group() for w in itertools.islice(_WORD.finditer(text, sent_start, match.start()), 3)
        ]
        opens = len(lead_words) <= 2 and all(fold(w) in ctx.grammar.connectors for w in lead_words)
        if opens or (
            _adjunct_lead(ctx, sent_start, match.start()) and text[np_end : np_end + 1] == ","
        ):
            start = skip(text, np_end, "," + INLINE_SPACE, sent_end)
            # « Selon Jean Dupont, directeur de l'usine, la production … »: past the
            # apposition of a name
            nxt = text.find(",", start, sent_end)
            if (
                nxt != -1
                and mention.kind == "name"
                and is_apposition(ctx, start, nxt)
                and not ctx.in_quote(start)
            ):
                start = skip(text, nxt, "," + INLINE_SPACE, sent_end)
            end = clause_end(ctx, start, sent_end)
        else:
            start = sent_start
            end = match.start()
            # « Même si X, selon Y, … »: the clause starts after its conjunction
            for conj in patterns.lead_conjunctions:
                if fold(text[start : start + len(conj) + 1]) == fold(conj) + " ":
                    start += len(conj) + 1
                    break
        found = make_candidate(ctx, start, end, SELON, None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def _adjunct_lead(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a short adjunct closed by a comma, with no verb of its
    own (« Dans le vestiaire, d'après X, le discours a été … »): the claim is then the
    clause after the « selon » phrase, not these words."""
    if not ctx.text[start:end].rstrip().endswith(","):
        return False
    # eight words at most are read: more are too many anyway
    words = (t for t in (ctx.char_span(start, end) or []) if not t.is_space)
    tokens = list(itertools.islice(words, 8))
    return (
        0 < len(tokens) <= 7
        and tokens[0].pos_ == "ADP"
        and not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    )
