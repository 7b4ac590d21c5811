"""``python -m desktop`` does what the ``voortgang`` command does."""

import sys

from desktop.cli import main

sys.exit(main())
