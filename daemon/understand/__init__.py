"""Understanding one message: parse the bytes, read dates and zones, classify, extract.

Pure: no clock, no network, no disk. Imports only the top-level foundation modules.
"""
