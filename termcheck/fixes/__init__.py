"""Fixes: from a finding and its segment, one repair (`derive`), applied and written back (`apply`, `write`)."""
