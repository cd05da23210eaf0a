"""``python -m ipsentry`` runs the command line."""

from ipsentry.cli.app import main

main()
