"""Cutting a text into trimmed pieces at cut points (sentence splitting for every language)."""

from __future__ import annotations


def trimmed(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Trimmed non-empty pieces between cut points; contentless pieces join the one before (same line)."""
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        start = cut
        if a == b:
            continue
        if out and not any(ch.isalnum() for ch in text[a:b]) and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
