"""`python -m korusticket`: the `korusticket` command."""

from korusticket.cli import main

main()
