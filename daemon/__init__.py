"""followupd: watches a mailbox for job interviews and drafts well-timed follow-ups.

The subpackages follow the mail through the program, and each imports only from those
before it (``tests/test_layers.py`` checks it):

- here: ``errors``, ``model``, ``settings``, ``paths``, ``logging``, ``codec``;
- :mod:`daemon.understand`: one message understood (parse, dates, classify, extract), pure;
- :mod:`daemon.followup`: when and what to draft (policy, tracker, compose), pure;
- :mod:`daemon.config`: the TOML file into settings;
- :mod:`connectors`: the mailbox behind one interface;
- :mod:`daemon.service`: the runner, the daemon loop, the state store, notices, systemd;
- :mod:`daemon.commands`: the command line.
"""

__version__ = "0.1.0"
