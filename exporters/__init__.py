"""Script exporters: PDF, Final Draft FDX and Fountain, behind one entry point.

``export(script, path)`` chooses the exporter once, from the file name's suffix; each
exporter module does one format (``pdf.write_pdf``, ``fdx.write_fdx``,
``fountain.write_fountain``) and imports its own heavy dependencies.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reelwright.screenplay.errors import ReelwrightError

if TYPE_CHECKING:
    from reelwright.screenplay.elements import Script
    from reelwright.screenplay.layout import Layout
    from reelwright.screenplay.page_plan import PrintPlan
    from reelwright.screenplay.pagination import PrintOptions
    from reelwright.screenplay.print_setup import PrintSetup
    from reelwright.screenplay.production_file import Draft

FORMATS = {".pdf": "pdf", ".fdx": "fdx", ".fountain": "fountain", ".spmd": "fountain"}


def format_for(path: str | os.PathLike[str]) -> str:
    """``pdf``, ``fdx`` or ``fountain`` from the file name; anything else is an error."""
    suffix = Path(path).suffix.casefold()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise ReelwrightError(
            f"cannot tell the format of {Path(path).name!r}: name it .pdf, .fdx or .fountain"
        ) from None


def export(
    script: Script,
    path: str | os.PathLike[str],
    *,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    setup: PrintSetup | None = None,
    encoding: str = "utf-8",
    draft: Draft | None = None,
) -> PrintPlan | None:
    """Write ``script`` to ``path`` in the format its suffix names (atomically).

    ``draft`` is the production draft ``script`` was parsed from (its text and its data:
    revision marks and rounds, locked scene numbers and pages): every format carries it
    (FDX as Final Draft keeps it, Fountain in the data block, the PDF as marks, headers,
    page labels, numbers and OMITTED). A PDF follows ``setup`` (the one print setup the
    editor's pages come from, with the script's own title-page ``fmt:`` options added),
    or, from older callers, ``layout`` and ``options``. Returns the print plan for a PDF
    (the sheets printed, their labels, the pagination), None otherwise.
    """
    kind = format_for(path)
    if kind == "pdf":
        from reelwright.exporters.pdf import write_plan
        from reelwright.screenplay.page_plan import plan_print

        if setup is not None:
            plan = plan_print(script, setup, draft)
        else:
            plan = plan_print(script, None, draft, layout=layout, options=options)
        write_plan(plan, path)
        return plan
    if kind == "fdx":
        from reelwright.exporters.fdx import write_fdx

        write_fdx(script, path, draft)
        return None
    from reelwright.exporters.fountain import write_fountain

    write_fountain(script, path, encoding, draft)
    return None
