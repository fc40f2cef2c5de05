"""The rule data of ``patterns/`` and the lookups built on it (people, outlets).

Loading and indexing only: no model. The rules read what this package builds.
"""
