"""``python -m desktop`` does what the ``voortgang`` command does."""

import sys

from desktop.app import main

sys.exit(main())
