"""The rule engine: from a parsed Doc to claims.

Read once into a context (quotations, cues, names, outlets), proposed by one module per
rule family, settled, given speakers, credited to outlets, turned into records.
"""
