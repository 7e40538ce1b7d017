"""Checks: each a small registered unit with an id, an MQM category and a default severity."""

from termcheck.checks.base import REGISTRY, Batch, Check, CheckInfo, register, select

__all__ = ["REGISTRY", "Batch", "Check", "CheckInfo", "register", "select"]
