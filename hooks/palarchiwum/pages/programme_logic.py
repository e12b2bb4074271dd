"""A programme's logic: main goal → specific goals → the actions and results that serve each.

Built only from the goal ids the record gives (`cele:` on actions and results), which the record
gives only where the document itself says so. What serves no named goal is kept, and shown as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from palarchiwum.records.catalogue_records import Item, Programme


@dataclass(frozen=True)
class Branch:
    """One goal with the actions and results the document assigns to it."""

    goal: Item
    actions: tuple[Item, ...]
    results: tuple[Item, ...]

    @property
    def empty(self) -> bool:
        return not self.actions and not self.results


@dataclass(frozen=True)
class LogicView:
    main: Branch | None  # the main goal, with items assigned to it directly
    goals: tuple[Branch, ...]
    unassigned_actions: tuple[Item, ...]
    unassigned_results: tuple[Item, ...]

    @property
    def has_links(self) -> bool:
        """Whether the record links any action or result to a goal at all."""
        branches = (self.main, *self.goals) if self.main else self.goals
        return any(not branch.empty for branch in branches)


def logic_of(programme: Programme) -> LogicView:
    actions = programme.items.get("dzialania", ())
    results = programme.items.get("rezultaty", ())

    def branch(goal: Item) -> Branch:
        return Branch(
            goal,
            tuple(a for a in actions if goal.id in a.goals),
            tuple(r for r in results if goal.id in r.goals),
        )

    return LogicView(
        main=branch(programme.main_goal) if programme.main_goal else None,
        goals=tuple(branch(goal) for goal in programme.items.get("cele", ())),
        unassigned_actions=tuple(a for a in actions if not a.goals),
        unassigned_results=tuple(r for r in results if not r.goals),
    )
