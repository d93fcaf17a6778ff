"""``python -m cli``: the same as the ``policygraph`` command."""

import sys

from cli.main import main

sys.exit(main())
