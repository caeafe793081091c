"""Deciding follow-ups: the timing policy, the per-application state machine, the drafts.

Pure: ``now`` is passed in. Imports the foundation and :mod:`daemon.understand`.
"""
