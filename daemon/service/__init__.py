"""The service that acts: the runner, the daemon loop, the state store, notices, systemd.

IO lives here and in :mod:`connectors`. Never imported by the layers below.
"""
