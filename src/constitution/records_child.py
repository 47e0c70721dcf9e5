"""The second process of records_aside.py: it verifies folders of adopted records.

It imports only what verifying needs (versions.py and what that imports), not the
gate's readers of the draft, the worked examples or the settings: its start is what a
machine of one core pays for it.
"""

from __future__ import annotations

import contextlib
import json
import pickle
import re
import sys
from pathlib import Path

from constitution import versions
from constitution.problems import ProtocolError


def main() -> None:
    """Verify each folder given (a JSON list of records_aside.Job) and write, pickled,
    what the gate's store would keep of each verified whole (versions.VERIFIED_BYTES)."""
    found = {}
    for folder, pattern, shown in json.loads(sys.argv[2]):
        with contextlib.suppress(ProtocolError):
            versions.load_versions(Path(folder), re.compile(pattern), shown)
            found[shown] = versions.VERIFIED_BYTES[shown]
    sys.stdout.buffer.write(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
