"""Mailbox connectors: one interface, implemented for IMAP and Maildir."""
