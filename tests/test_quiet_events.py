"""sphinx-needs' events, which nothing listens to, cost no formatting of every need."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sphinx.events import EventManager

from constitution.sphinxext import quiet_events


class Need:
    """An event's argument that counts how often it is formatted (as Sphinx formats an
    event's arguments for its debug line)."""

    formatted = 0

    def __repr__(self) -> str:
        Need.formatted += 1
        return "Need()"


def test_an_event_nothing_listens_to_formats_nothing_and_one_heard_still_runs() -> None:
    app = SimpleNamespace(pdb=False)
    app.events = EventManager(app)  # type: ignore[arg-type]
    app.events.add("needs-before-sealing")
    quiet_events.setup(app)  # type: ignore[arg-type]
    need = Need()

    assert app.events.emit("needs-before-sealing", {"MOP-0001": need}) == []
    assert Need.formatted == 0

    heard: list[Any] = []
    app.events.connect("needs-before-sealing", lambda _app, needs: heard.append(needs), 500)
    assert app.events.emit("needs-before-sealing", {"MOP-0001": need}) == [None]
    assert heard == [{"MOP-0001": need}]
    assert Need.formatted == 1  # Sphinx's own emit, as before
