"""SQL is written only in the store (so a second database engine changes nothing above it)."""

from __future__ import annotations

import re
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\b(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)\b"
    r"|\bPRAGMA\s+\w+"
)
RUNS_SQL = re.compile(
    r"\.execute\(|\b(query|execute|scalar)\(\s*db\b|\.executescript\(|\.exec_driver_sql\("
)


def test_no_sql_outside_the_store():
    offenders = []
    for path in sorted(DESKTOP.rglob("*.py")):
        relative = path.relative_to(DESKTOP).as_posix()
        if relative.startswith("core/store/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line) or RUNS_SQL.search(line):
                offenders.append(f"desktop/{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_the_check_finds_sql(tmp_path):
    line = 'db.execute("UPDATE letters SET status = ? WHERE id = ?", (status, letter_id))'
    assert SQL.search(line) and RUNS_SQL.search(line)
    assert RUNS_SQL.search('scalar(db, "SELECT 1")') and RUNS_SQL.search("execute(db, statement)")
