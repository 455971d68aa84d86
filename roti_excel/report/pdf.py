"""The report as PDF, printed by LibreOffice (`run --pdf`): what finance files or mails when
a spreadsheet will not do. LibreOffice is optional; without it the workbook is still
written and the user is told why there is no PDF."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from roti_excel.atomic import atomic_path
from roti_excel.errors import OutputError

TIMEOUT_S = 300  # a large report takes LibreOffice tens of seconds


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(workbook: Path, target: Path) -> Path:
    """Print `workbook` to `target` as PDF, atomically. Raises OutputError when LibreOffice
    is missing, fails or takes too long; no partial PDF is left."""
    program = soffice()
    if program is None:
        raise OutputError("LibreOffice (soffice) is not installed, so no PDF can be printed")
    with tempfile.TemporaryDirectory(prefix="roti-pdf-") as work:
        folder = Path(work)
        # a private profile: a LibreOffice the user has open would otherwise take the job
        # and convert nothing
        profile = (folder / "profile").as_uri()
        command = [program, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                   "--convert-to", "pdf", "--outdir", str(folder), str(workbook.resolve())]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise OutputError(f"LibreOffice did not print {workbook.name} within "
                              f"{TIMEOUT_S} s") from exc
        printed = folder / (workbook.stem + ".pdf")
        if done.returncode != 0 or not printed.is_file() or printed.stat().st_size == 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OutputError(f"LibreOffice could not print {workbook.name}"
                              + (f" ({reason[-1][:200]})" if reason else ""))
        with atomic_path(target) as temp:
            shutil.copyfile(printed, temp)
    return target
