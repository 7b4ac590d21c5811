"""What an open-data import did: counts per kind, changes and skipped records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.domain.dutch import join_list
from desktop.core.importers.opendata_records import Skip

__all__ = ["Change", "Counts", "ImportReport"]


@dataclass(slots=True)
class Counts:
    """New, updated, unchanged and skipped records of one kind."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def as_json(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }


@dataclass(slots=True)
class Change:
    """One record the import added or changed."""

    kind: str  # "motie" or "toezegging"
    action: str  # "new" or "updated"
    record_id: int
    label: str
    tk_id: str
    fields: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ImportReport:
    """What an import did: counts per kind, changes, skipped records with their reason."""

    files: list[str]
    motions: Counts = field(default_factory=Counts)
    commitments: Counts = field(default_factory=Counts)
    changes: list[Change] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, item: Skip) -> None:
        """Record a skipped record (and count it for its kind)."""
        self.skipped.append(item)
        if item.kind == "motie":
            self.motions.skipped += 1
        elif item.kind == "toezegging":
            self.commitments.skipped += 1

    def skipped_by_reason(self) -> list[dict[str, Any]]:
        """Skipped records grouped by kind and reason, with up to five examples each."""
        groups: dict[tuple[str, str], list[str]] = {}
        for item in self.skipped:
            groups.setdefault((item.kind, item.reason), []).append(item.example)
        return [
            {"kind": kind, "reason": reason, "count": len(examples), "examples": examples[:5]}
            for (kind, reason), examples in groups.items()
        ]

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with ``--json`` (keys are stable)."""
        return {
            "files": self.files,
            "motions": self.motions.as_json(),
            "commitments": self.commitments.as_json(),
            "changes": [
                {
                    "kind": c.kind,
                    "action": c.action,
                    "id": c.record_id,
                    "label": c.label,
                    "tk_id": c.tk_id,
                    "fields": c.fields,
                }
                for c in self.changes
            ],
            "skipped": self.skipped_by_reason(),
            "warnings": self.warnings,
        }

    def summary(self) -> list[str]:
        """Dutch lines for the command line and the GUI."""

        def line(title: str, counts: Counts) -> str:
            return (
                f"{title}: {counts.new} nieuw, {counts.updated} bijgewerkt, "
                f"{counts.unchanged} ongewijzigd, {counts.skipped} overgeslagen."
            )

        lines = [line("Moties", self.motions), line("Toezeggingen", self.commitments)]
        for change in self.changes:
            verb = "Nieuw" if change.action == "new" else "Bijgewerkt"
            extra = f" ({', '.join(change.fields)})" if change.fields else ""
            lines.append(f"{verb}: {change.label}{extra}")
        for group in self.skipped_by_reason():
            examples = join_list(group["examples"])
            more = " …" if group["count"] > len(group["examples"]) else ""
            kind = {"motie": "motie", "toezegging": "toezegging"}.get(group["kind"], "overig")
            lines.append(
                f"Overgeslagen ({kind}), {group['reason']}: {group['count']} ({examples}{more})"
            )
        lines += [f"Let op: {warning}" for warning in self.warnings]
        return lines
