"""The ``ipsentry`` command line."""
