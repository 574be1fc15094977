import sys

from goaljournal.cli import main

sys.exit(main())
