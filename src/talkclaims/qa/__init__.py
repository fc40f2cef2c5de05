"""Checking extraction: scoring against gold, and the checks newsrooms run in CI."""
