"""The rules model of this council's protocol, which the worked examples exercise.

Each rule reads the facts of a situation and, when its condition holds, gives one
effect (allowed, forbidden, a duty, who decides) and cites the paragraph that says so.
Start small: add to FACTS and a rule as each worked example in checks/scenarios/ needs
them. The model council's rules (checks/rules.py in the council-constitution
repository) show the pattern at full size.
"""

from __future__ import annotations

from constitution.scenarios import RuleBook, one_of

# Every situation names its act; add the acts (and other facts) your examples use.
FACTS = {"act": one_of()}

rules = RuleBook(FACTS)
