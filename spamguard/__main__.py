"""`python -m spamguard`: the same command as the `spamguard` console script."""
import sys

from spamguard.cli import main

if __name__ == "__main__":
    sys.exit(main())
