"""`python -m checker` runs the `briefcheck` command."""

from checker.cli import main

main()
