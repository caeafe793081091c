"""The commands a person types: the CLI and one module per command.

The top layer: it may import everything, and nothing imports it.
"""
