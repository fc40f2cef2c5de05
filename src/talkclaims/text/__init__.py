"""Pure text: paragraphs and sentences, quotation marks, folding, offsets.

Nothing here needs the model or the rule data, so every function runs (and is tested)
on plain strings, before the parser has seen the article.
"""
