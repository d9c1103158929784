"""``python -m fiscaldoc``: the same command line as ``fiscaldoc``."""

import sys

from fiscaldoc.cli import main

sys.exit(main())
