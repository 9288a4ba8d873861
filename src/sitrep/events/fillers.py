"""Role fillers of an event in the article's own words: perpetrators, victims, physical
targets and weapons (the MUC-4 slots), each with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import ActorMention, Article, CountMention
from ..schema import RoleFiller
from .drafts import Draft

__all__ = ["RoleFillers", "role_fillers"]


@dataclass(slots=True)
class RoleFillers:
    """The four quoted slots of one event."""

    perpetrators: list[RoleFiller] = field(default_factory=list)
    victims: list[RoleFiller] = field(default_factory=list)
    targets: list[RoleFiller] = field(default_factory=list)
    weapons: list[RoleFiller] = field(default_factory=list)


def role_fillers(article: Article, draft: Draft, actor1_mentions: list[ActorMention],
                 toll) -> RoleFillers:
    """Fill the slots of a draft: perpetrators are the mentions of actor1 (organisations
    when a named group, individuals otherwise), victims the people counted as killed,
    wounded or abducted, targets and weapons what the frames quoted."""
    perpetrators = [RoleFiller(m.text, m.start, m.end,
                               "organization" if m.inter in (2, 3, 8) and
                               not m.name.startswith("Unidentified") else "individual")
                    for m in actor1_mentions]
    victims = [_victim_quote(article.text, c) for c in toll.evidence
               if c.kind in ("killed", "wounded", "abducted") and c.value]
    targets = [RoleFiller(r.text, r.start, r.end) for f in draft.frames for r in f.targets]
    weapons = [RoleFiller(r.text, r.start, r.end) for f in draft.frames for r in f.weapons]
    return RoleFillers(_dedupe(perpetrators), _dedupe(victims), _dedupe(targets),
                       _dedupe(weapons))


def _victim_quote(text: str, c: CountMention) -> RoleFiller:
    """The counted people in the article's words ("36 attackers", "seven more militants"),
    without the verb; the whole count phrase when the group is not named."""
    if c.group_text:
        g = c.text.rfind(c.group_text)
        if g >= 0:
            start, end = c.start + g, c.start + g + len(c.group_text)
            prev = re.search(r"([\w,.-]+)\s+$", text[c.start:start])
            if prev and not (c.trigger_start is not None
                             and c.start + prev.start(1) == c.trigger_start):
                start = c.start + prev.start(1)
            return RoleFiller(text[start:end], start, end)
    return RoleFiller(c.text, c.start, c.end)


def _dedupe(fillers: list[RoleFiller]) -> list[RoleFiller]:
    seen, out = set(), []
    for r in fillers:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            out.append(r)
    return out
