"""One quotation across a corpus: its variants, articles, outlets, dates and speakers.

Pure functions and small classes over records (`talkclaims.records.Claim`), no model:
the quotation of a claim as words (`wording`), two wordings aligned word by word
(`align`), the candidate search that finds which wordings to align (`index`), the
grouping itself (`groups`), one identity per speaker across articles (`speakers`), and
the consistency checks `talkclaims check` runs on the groups (`consistency`).
"""
