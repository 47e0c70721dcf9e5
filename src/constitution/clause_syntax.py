"""The ``clause`` directive as docutils declares a directive: for MyST's own parser, which
reads a clause whose options are not plain, and for the Sphinx directive. Its own module
because importing docutils' directives (with the web and e-mail modules they pull in) is
a fifth of the gate's start-up, and the gate reads plain options without them."""

from __future__ import annotations

from docutils.parsers.rst import Directive

from constitution import clause_fields


class ClauseSyntax(Directive):
    """The syntax of the ``clause`` directive, shared with the Sphinx directive."""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = True
    option_spec = clause_fields.option_spec()
