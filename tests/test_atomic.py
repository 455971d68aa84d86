"""roti_excel.atomic: output appears complete or not at all; a failure leaves the old file
and no temporary file behind."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from roti_excel import atomic
from roti_excel.atomic import atomic_path, remove_temps, replace, write_bytes
from roti_excel.errors import OutputError, RotiError


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries of a locked target without the real pause between them."""
    monkeypatch.setattr(atomic, "REPLACE_PAUSE_S", 0.0)


class LockedReplace:
    """Stands in for os.replace: raises PermissionError (a file open in Excel) for the
    first `failures` calls, then renames for real."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self.real = os.replace

    def __call__(self, source: Any, target: Any) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise PermissionError(13, "Permission denied", str(target))
        self.real(source, target)


class TestAtomicPath:
    def test_new_target_appears_only_when_the_block_ends(self, tmp_path: Path) -> None:
        """While the block runs the target does not exist; afterwards it holds everything
        written, and nothing else is left in the folder."""
        target = tmp_path / "report.xlsx"
        with atomic_path(target) as temp:
            temp.write_bytes(b"first half ")
            assert not target.exists()
            temp.write_bytes(b"first half second half")
            assert not target.exists()
        assert target.read_bytes() == b"first half second half"
        assert names(tmp_path) == ["report.xlsx"]

    def test_temp_is_a_hidden_sibling_with_the_same_suffix(self, tmp_path: Path) -> None:
        """The temporary file sits in the target's folder (one file system, so the rename is
        atomic), is named `.<stem>.<8 characters><suffix>` and already exists."""
        target = tmp_path / "report.xlsx"
        with atomic_path(target) as temp:
            assert temp.parent == tmp_path
            assert temp.name.startswith(".report.")
            assert temp.name.endswith(".xlsx")
            assert len(temp.name) == len(".report.") + 8 + len(".xlsx")
            assert temp.is_file()
            assert temp != target

    def test_existing_target_is_replaced(self, tmp_path: Path) -> None:
        """An existing file keeps its old content during the block and has exactly the new
        content after it (not appended, not merged)."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old report, longer than the new one")
        with atomic_path(target) as temp:
            temp.write_bytes(b"new")
            assert target.read_bytes() == b"old report, longer than the new one"
        assert target.read_bytes() == b"new"
        assert names(tmp_path) == ["report.xlsx"]

    def test_failure_in_the_block_leaves_old_file_and_no_temp(self, tmp_path: Path) -> None:
        """An exception inside the block propagates unchanged; the old file is untouched
        and the half-written temporary file is removed."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old")
        with pytest.raises(ValueError, match="boom"), atomic_path(target) as temp:
            temp.write_bytes(b"half")
            raise ValueError("boom")
        assert target.read_bytes() == b"old"
        assert names(tmp_path) == ["report.xlsx"]

    def test_failure_in_the_block_creates_no_target(self, tmp_path: Path) -> None:
        """When there was no file before, a failed block leaves the folder empty."""
        target = tmp_path / "report.xlsx"
        with pytest.raises(KeyError), atomic_path(target) as temp:
            temp.write_bytes(b"half")
            raise KeyError("x")
        assert names(tmp_path) == []

    def test_temp_removed_by_the_block_is_not_an_error(self, tmp_path: Path) -> None:
        """A block that fails after deleting its own temporary file still raises its own
        error, not a FileNotFoundError from the cleanup."""
        target = tmp_path / "report.xlsx"
        with pytest.raises(ValueError, match="after unlink"), atomic_path(target) as temp:
            temp.unlink()
            raise ValueError("after unlink")
        assert names(tmp_path) == []

    def test_missing_folder_is_an_output_error(self, tmp_path: Path) -> None:
        """A target in a folder that does not exist raises OutputError naming the folder,
        before the block runs, and creates nothing."""
        folder = tmp_path / "no such folder"
        ran = False
        with pytest.raises(OutputError) as info, atomic_path(folder / "report.xlsx"):
            ran = True
        assert not ran
        assert str(info.value) == (f"folder {folder} does not exist; create it or choose "
                                   "another")
        assert isinstance(info.value, RotiError)
        assert names(tmp_path) == []

    def test_folder_that_refuses_new_files_is_an_output_error(
            self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """When no temporary file can be made in the folder (read-only, full), the OSError
        becomes an OutputError naming the folder and the reason."""
        def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        with pytest.raises(OutputError) as info, atomic_path(tmp_path / "report.xlsx"):
            pass
        assert str(info.value) == f"cannot write in {tmp_path}: Permission denied"
        assert isinstance(info.value.__cause__, PermissionError)

    @pytest.mark.usefixtures("no_pause")
    def test_locked_target_is_an_output_error(self, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        """A target that stays locked (open in Excel) raises OutputError saying so; the old
        file is untouched and no temporary file is left."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old")
        locked = LockedReplace(failures=10**6)
        monkeypatch.setattr(os, "replace", locked)
        with pytest.raises(OutputError) as info, atomic_path(target) as temp:
            temp.write_bytes(b"new")
        assert str(info.value) == (f"{target} is open in another program (Excel?); close it "
                                   "and run again")
        assert locked.calls == atomic.REPLACE_ATTEMPTS
        assert target.read_bytes() == b"old"
        assert names(tmp_path) == ["report.xlsx"]

    @pytest.mark.usefixtures("no_pause")
    def test_briefly_locked_target_is_written(self, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        """A lock that clears before the last attempt is waited out: the new file is in
        place and no error is raised."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old")
        locked = LockedReplace(failures=atomic.REPLACE_ATTEMPTS - 1)
        monkeypatch.setattr(os, "replace", locked)
        with atomic_path(target) as temp:
            temp.write_bytes(b"new")
        assert locked.calls == atomic.REPLACE_ATTEMPTS
        assert target.read_bytes() == b"new"
        assert names(tmp_path) == ["report.xlsx"]

    def test_other_rename_failure_propagates_and_cleans_up(
            self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A rename failure that is not a lock is not retried: it propagates as it is, and
        the old file and the folder are as before."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old")
        calls: list[Any] = []

        def broken(source: Any, dest: Any) -> None:
            calls.append(dest)
            raise OSError(18, "Invalid cross-device link")

        monkeypatch.setattr(os, "replace", broken)
        with pytest.raises(OSError, match="cross-device") as info, atomic_path(target) as temp:
            temp.write_bytes(b"new")
        assert not isinstance(info.value, OutputError)
        assert calls == [target]
        assert target.read_bytes() == b"old"
        assert names(tmp_path) == ["report.xlsx"]

    @pytest.mark.parametrize("mask", [0o022, 0o077])
    def test_written_file_honours_the_umask(self, tmp_path: Path, mask: int) -> None:
        """The report gets the permissions of a normal new document (0666 less the umask),
        not the 0600 of a temporary file."""
        old = os.umask(mask)
        try:
            target = tmp_path / "report.xlsx"
            with atomic_path(target) as temp:
                temp.write_bytes(b"x")
        finally:
            os.umask(old)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


class TestReplace:
    def test_moves_the_source_onto_the_target(self, tmp_path: Path) -> None:
        """The source takes the target's place; the source name is gone."""
        source, target = tmp_path / "a.tmp", tmp_path / "b.xlsx"
        source.write_bytes(b"new")
        target.write_bytes(b"old")
        replace(source, target)
        assert names(tmp_path) == ["b.xlsx"]
        assert target.read_bytes() == b"new"

    @pytest.mark.usefixtures("no_pause")
    def test_gives_up_after_the_attempts(self, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
        """A target locked through every attempt raises OutputError, chained to the
        PermissionError; the source is left for the caller to remove."""
        source, target = tmp_path / "a.tmp", tmp_path / "b.xlsx"
        source.write_bytes(b"new")
        locked = LockedReplace(failures=10**6)
        monkeypatch.setattr(os, "replace", locked)
        with pytest.raises(OutputError, match="is open in another program") as info:
            replace(source, target)
        assert isinstance(info.value.__cause__, PermissionError)
        assert locked.calls == atomic.REPLACE_ATTEMPTS
        assert source.read_bytes() == b"new"

    def test_pauses_between_attempts(self, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
        """Each failed attempt but the last is followed by a pause of REPLACE_PAUSE_S."""
        pauses: list[float] = []
        monkeypatch.setattr(time, "sleep", pauses.append)
        monkeypatch.setattr(os, "replace", LockedReplace(failures=10**6))
        with pytest.raises(OutputError):
            replace(tmp_path / "a", tmp_path / "b")
        assert pauses == [atomic.REPLACE_PAUSE_S] * (atomic.REPLACE_ATTEMPTS - 1)


class TestWriteBytes:
    def test_writes_new_file(self, tmp_path: Path) -> None:
        """The bytes land in a new file, with nothing else left beside it."""
        target = tmp_path / "summary.json"
        write_bytes(target, b'{"ok": true}')
        assert target.read_bytes() == b'{"ok": true}'
        assert names(tmp_path) == ["summary.json"]

    def test_replaces_existing_file(self, tmp_path: Path) -> None:
        """An existing file is replaced whole."""
        target = tmp_path / "summary.json"
        target.write_bytes(b"old old old")
        write_bytes(target, b"new")
        assert target.read_bytes() == b"new"

    def test_missing_folder_is_an_output_error(self, tmp_path: Path) -> None:
        """The missing folder is reported as an OutputError, not a FileNotFoundError."""
        with pytest.raises(OutputError, match="does not exist"):
            write_bytes(tmp_path / "gone" / "summary.json", b"x")


class TestRemoveTemps:
    def test_removes_a_temp_left_by_an_interrupted_write(self, tmp_path: Path) -> None:
        """A write that never finished (the process killed inside the block) leaves its
        temporary file; remove_temps removes it and leaves the target alone."""
        target = tmp_path / "report.xlsx"
        target.write_bytes(b"old")
        interrupted = atomic_path(target)
        temp = interrupted.__enter__()
        temp.write_bytes(b"half")
        assert names(tmp_path) == sorted([temp.name, "report.xlsx"])
        remove_temps(target)
        assert names(tmp_path) == ["report.xlsx"]
        assert target.read_bytes() == b"old"
        # let the abandoned block end as a failure: nothing is renamed, nothing is left
        assert interrupted.__exit__(RuntimeError, RuntimeError("killed"), None) is False
        assert names(tmp_path) == ["report.xlsx"]
        assert target.read_bytes() == b"old"

    def test_removes_every_temp_of_the_target(self, tmp_path: Path) -> None:
        """Several temporary files of the same target (several killed runs) all go."""
        target = tmp_path / "report.xlsx"
        for _ in range(3):
            fd, _name = tempfile.mkstemp(dir=tmp_path, prefix=".report.", suffix=".xlsx")
            os.close(fd)
        assert len(names(tmp_path)) == 3
        remove_temps(target)
        assert names(tmp_path) == []

    def test_touches_only_names_of_the_temp_form(self, tmp_path: Path) -> None:
        """The target, other targets' temps, other suffixes and names with other than 8
        random characters are kept."""
        kept = ["report.xlsx", ".report.abcdefg.xlsx", ".report.abcdefghi.xlsx",
                ".report.abcdefgh.json", ".other.abcdefgh.xlsx", "report.abcdefgh.xlsx",
                ".report.abcdefgh.xlsx.bak", "x.report.abcdefgh.xlsx"]
        for name in [*kept, ".report.abcdefgh.xlsx", ".report.a_c-e1g8.xlsx"]:
            (tmp_path / name).write_bytes(b"x")
        remove_temps(tmp_path / "report.xlsx")
        assert names(tmp_path) == sorted(kept)

    def test_glob_characters_in_the_name_are_literal(self, tmp_path: Path) -> None:
        """A target named with [ ] * ? matches its own temps only, not names those
        characters would match as a pattern."""
        target = tmp_path / "budget [d]*?.xlsx"
        own = ".budget [d]*?.abcdefgh.xlsx"
        lookalike = ".budget dxyz.abcdefgh.xlsx"
        for name in (own, lookalike):
            (tmp_path / name).write_bytes(b"x")
        remove_temps(target)
        assert names(tmp_path) == [lookalike]

    def test_missing_folder_is_not_an_error(self, tmp_path: Path) -> None:
        """Cleaning beside a target whose folder does not exist does nothing."""
        remove_temps(tmp_path / "gone" / "report.xlsx")
        assert names(tmp_path) == []

    def test_name_that_cannot_be_removed_is_skipped(self, tmp_path: Path) -> None:
        """A folder that happens to have a temp's name is left, without an error, and the
        real temps beside it are still removed."""
        (tmp_path / ".report.folder00.xlsx").mkdir()
        (tmp_path / ".report.abcdefgh.xlsx").write_bytes(b"x")
        remove_temps(tmp_path / "report.xlsx")
        assert names(tmp_path) == [".report.folder00.xlsx"]
