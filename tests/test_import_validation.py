"""Imports trust nothing: a file with one bad value, made to exhaust memory or time, or not what it
claims to be is refused whole with one line naming the first problem, and the journal is unchanged.
``doctor`` finds bad values written into a journal by another program.

Every refusal is checked the same way (``assert_refused``): exit status 1, nothing on standard
output, one line on standard error, no traceback, and the journal's contents (a digest of its SQL
dump) as they were.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, dump_lines, raw_connect
from test_transfer import fill

from goaljournal.cli import main
from goaljournal.core import import_limits
from goaljournal.store import Store
from goaljournal.store.transfer import export_data

# -- helpers ------------------------------------------------------------------------------------


def digest(db_path: Path) -> str:
    """The journal's contents: its SQL dump, hashed (stable across reopening, unlike the file's bytes)."""
    conn = raw_connect(db_path)
    try:
        return hashlib.sha256("\n".join(dump_lines(conn)).encode("utf-8", "surrogatepass")).hexdigest()
    finally:
        conn.close()


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(result: tuple[int, str, str], before: str, db_path: Path, *, says: str = "") -> str:
    code, out, err = result
    assert (code, out) == (1, ""), err
    assert err.startswith("goaljournal: ") and err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "Error:" not in err, err
    assert says in err, err
    assert digest(db_path) == before
    return err


@pytest.fixture(scope="module")
def good_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A JSON export with rows in every table (see test_transfer.fill)."""
    with Store.open(tmp_path_factory.mktemp("source") / "source.db", clock=lambda: NOW) as source:
        fill(source)
        return export_data(source)


@pytest.fixture
def journal(db_path: Path) -> Path:
    """A journal with a little in it already, which a refused import must leave as it is."""
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_goal("Already here", deadline="2027-01-01")
        store.add_entry("Already written @mentoring", at="2026-11-01 08:00:00")
    return db_path


# -- item 6: a JSON export is checked value by value before anything is written --------------------

def _set(table: str, index: int, **values: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[table][index].update(values)

    return change


def _loop(data: dict[str, Any]) -> None:
    data["goals"][0]["parent_uuid"] = data["goals"][1]["uuid"]  # goals[1]'s parent is goals[0]


# (change, the place and reason the one line names). One row per bad value.
BAD_VALUES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "deadline soon": (_set("goals", 1, deadline="soon"), "goals[1].deadline: 'soon' is not a date (YYYY-MM-DD)"),
    "deadline month 13": (_set("goals", 1, deadline="2027-13-01"), "goals[1].deadline: '2027-13-01' is not a real date"),
    "deadline 30 February": (_set("goals", 1, deadline="2027-02-30"), "goals[1].deadline: '2027-02-30' is not a real date"),
    "deadline not zero-padded": (_set("goals", 1, deadline="2027-2-3"), "goals[1].deadline: '2027-2-3' is not a date"),
    "deadline in year 999": (_set("goals", 1, deadline="0999-12-31"), "goals[1].deadline: 0999-12-31 is outside"),
    "deadline a number": (_set("goals", 1, deadline=20271231), "goals[1].deadline: 20271231 is not a date"),
    "target lots": (_set("goals", 1, target="lots"), "goals[1].target: 'lots' is not a number"),
    "target 10**30": (_set("goals", 1, target=10**30), "goals[1].target: 1000000000000000000000000000000 is beyond"),
    "target true": (_set("goals", 1, target=True), "goals[1].target: True is not a number"),
    "status unknown": (_set("goals", 1, status="done"), "goals[1].status: 'done' is not one of draft"),
    "confidence 9": (_set("goals", 1, confidence=9), "goals[1].confidence: 9 is not from 1 to 5"),
    "confidence 3.5": (_set("goals", 1, confidence=3.5), "goals[1].confidence: 3.5 is not a whole number"),
    "title blank": (_set("goals", 1, title="   "), "goals[1].title: is empty"),
    "goal parent loop": (_loop, "goals[0].parent_uuid: the goal would be its own parent's parent"),
    "goal its own parent": (lambda d: d["goals"][2].update(parent_uuid=d["goals"][2]["uuid"]), "goals[2].parent_uuid: the goal would be"),
    "goal parent unknown": (_set("goals", 2, parent_uuid="f" * 32), "goals[2].parent_uuid: 'ffffffff"),
    "checkin value abc": (_set("checkins", 0, value="abc"), "checkins[0].value: 'abc' is not a number"),
    "checkin value 10**30": (_set("checkins", 0, value=10**30), "checkins[0].value: 1000000000000000000000000000000 is beyond"),
    "checkin at not a date": (_set("checkins", 0, at="not a date"), "checkins[0].at: 'not a date' is not a date"),
    "checkin without goal": (_set("checkins", 0, goal_uuid=None), "checkins[0].goal_uuid: missing"),
    "checkin of unknown goal": (_set("checkins", 0, goal_uuid="f" * 32), "checkins[0].goal_uuid: 'ffffffff"),
    "assessment 30 February": (_set("assessments", 0, at="2026-02-30"), "assessments[0].at: '2026-02-30' is not a real date"),
    "assessment completed yesterday": (_set("assessments", 0, completed_at="yesterday"), "assessments[0].completed_at: 'yesterday'"),
    "assessment step 99": (_set("assessments", 0, step=99), "assessments[0].step: 99 is not from 0 to"),
    "rating 0": (_set("ratings", 0, rating=0), "ratings[0].rating: 0 is not from 1 to 5"),
    "entry at a day only": (_set("entries", 0, at="2026-11-02"), "entries[0].at: '2026-11-02' is not a date and time"),
    "entry at year 9999": (_set("entries", 0, at="9999-01-01 10:00:00"), "entries[0].at: 9999-01-01 is outside"),
    "entry text lone surrogate": (_set("entries", 0, text="bad \ud800"), "entries[0].text: holds characters that are not valid Unicode"),
    "entry text missing": (lambda d: d["entries"][0].pop("text"), "entries[0].text: missing"),
    "entry kind unknown": (_set("entries", 0, kind="rant"), "entries[0].kind: 'rant' is not one of"),
    "entry starred 2": (_set("entries", 0, starred=2), "entries[0].starred: 2 is not 0 or 1"),
    "entry starred yes": (_set("entries", 0, starred="yes"), "entries[0].starred: 'yes' is not 0 or 1"),
    "entry created yesterday": (_set("entries", 0, created_at="yesterday"), "entries[0].created_at: 'yesterday' is not a UTC stamp"),
    "entry uuid with spaces": (_set("entries", 0, uuid="not a uuid"), "entries[0].uuid: 'not a uuid' is not a uuid"),
    "entry uuid twice": (lambda d: d["entries"][1].update(uuid=d["entries"][0]["uuid"]), "entries[1].uuid:"),
    "milestone due a number": (_set("milestones", 0, due_date=20261201), "milestones[0].due_date: 20261201 is not a date"),
    "revision changes not JSON": (_set("revisions", 0, changes="not json"), "revisions[0].changes: 'not json' is not JSON"),
    "revision changes a list": (_set("revisions", 0, changes="[1, 2]"), "revisions[0].changes: '[1, 2]' is not an object"),
    "daily mood happy": (_set("daily_checkins", 0, mood="happy"), "daily_checkins[0].mood: 'happy' is not a whole number"),
    "skill name a number": (_set("skills", 0, name=5), "skills[0].name: 5 is not text"),
    "person relationship boss": (_set("people", 0, relationship="boss"), "people[0].relationship: 'boss' is not one of"),
    "person private 2": (_set("people", 0, private=2), "people[0].private: 2 is not 0 or 1"),
    "conversation kind lunch": (_set("interactions", 0, kind="lunch"), "interactions[0].kind: 'lunch' is not one of"),
    "follow-up next week": (_set("interactions", 0, follow_up_due="next week"), "interactions[0].follow_up_due: 'next week'"),
    "prompt blank": (_set("reflection_prompts", 7, text=" "), "reflection_prompts[7].text: is empty"),
    "prompt retired yesterday": (_set("reflection_prompts", 0, retired_at="yesterday"), "reflection_prompts[0].retired_at: 'yesterday'"),
    "template kind rant": (_set("entry_templates", 4, kind="rant"), "entry_templates[4].kind: 'rant' is not one of"),
    "entry_tags to an unknown tag": (
        lambda d: d["entry_tags"].append({"entry_uuid": d["entries"][0]["uuid"], "tag_uuid": "f" * 32}),
        "entry_tags[",
    ),
}


@pytest.mark.parametrize("name", list(BAD_VALUES))
def test_a_json_export_with_one_bad_value_is_refused_whole(
    name: str, good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, says = BAD_VALUES[name]
    data = copy.deepcopy(good_export)
    change(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    before = digest(journal)
    err = assert_refused(run(capsys, "--db", journal, "import", bad), before, journal, says=f"import refused: {says}")
    assert err.endswith("; nothing was imported\n")


def test_the_refusal_names_the_row_and_field_in_one_line(good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy.deepcopy(good_export)
    data["goals"][3]["deadline"] = "soon"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    _, _, err = run(capsys, "--db", journal, "import", bad)
    assert err == "goaljournal: import refused: goals[3].deadline: 'soon' is not a date (YYYY-MM-DD); nothing was imported\n"


@pytest.mark.parametrize("literal", ["1e400", "-1e400", "Infinity", "NaN"])
def test_a_number_json_reads_as_infinite_or_nan_is_refused(
    literal: str, good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy.deepcopy(good_export)
    data["goals"][1]["target"] = "PLACEHOLDER"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data).replace('"PLACEHOLDER"', literal), encoding="utf-8")
    assert_refused(run(capsys, "--db", journal, "import", bad), digest(journal), journal, says="goals[1].target:")


def test_the_good_export_itself_imports(good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bad files above differ from one that imports only by their flaw."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(good_export), encoding="utf-8")
    code, out, err = run(capsys, "--db", journal, "import", good)
    assert (code, err) == (0, "") and out.startswith("imported ")
    for command in (["goals", "--json"], ["export"], ["report"], ["doctor"]):
        assert run(capsys, "--db", journal, *command)[0] == 0, command


def test_a_refused_import_leaves_the_app_working(good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a bad value used to do once imported: goals --json, report and exports died."""
    data = copy.deepcopy(good_export)
    data["goals"][1]["deadline"] = "soon"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "--db", journal, "import", bad)[0] == 1
    for command in (["goals", "--json"], ["export", "--format", "markdown"], ["report"], ["doctor"]):
        code, _, err = run(capsys, "--db", journal, *command)
        assert (code, err) == (0, ""), command


def test_an_import_that_fails_half_way_writes_nothing(good_export: dict[str, Any], journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One transaction: a row SQLite itself refuses late in the file undoes every row before it."""
    data = copy.deepcopy(good_export)
    # Two ratings of one skill in one session: each row is fine, the pair breaks UNIQUE.
    data["ratings"].append(dict(data["ratings"][0], uuid="e" * 32))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert_refused(run(capsys, "--db", journal, "import", bad), digest(journal), journal, says="nothing was imported")


# -- item 14: files that are not what they claim, one line each ------------------------------------

NOT_JSON_EXPORTS: dict[str, tuple[bytes, str]] = {
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "more than 64 levels deep"),
    "nested objects 100,000 deep": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "more than 64 levels deep"),
    "header nested 65 deep": (b'{"format": "goaljournal", "version": 1, "x": ' + b"[" * 64 + b"]" * 64 + b"}", "more than 64 levels deep"),
    "empty": (b"", "is empty"),
    "only spaces": (b"  \n ", "is empty"),
    "a list": (b"[]", "not a goaljournal JSON export"),
    "a string": (b'"hello"', "not a goaljournal JSON export"),
    "a number": (b"1e400", "not a goaljournal JSON export"),
    "not UTF-8": (b'{"format": "goaljournal", "version": 1, "entries": [{"text": "\xff"}]}', "not UTF-8 text"),
    "version true": (b'{"format": "goaljournal", "version": true}', "format version True"),
    "version 0": (b'{"format": "goaljournal", "version": 0}', "format version 0"),
    "version 10**30": (b'{"format": "goaljournal", "version": 1000000000000000000000000000000}', "upgrade goaljournal"),
    "a row that is a list": (b'{"format": "goaljournal", "version": 1, "entries": [[1]]}', "entries[0] is not an object"),
}


@pytest.mark.parametrize("name", list(NOT_JSON_EXPORTS))
def test_a_file_that_is_not_a_json_export_is_one_line(
    name: str, journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, says = NOT_JSON_EXPORTS[name]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert_refused(run(capsys, "--db", journal, "import", bad), digest(journal), journal, says=says)


def _dayone(**entry: Any) -> bytes:
    raw = {"uuid": "0e5c3d1a7b2f4c8e9a6d5b4c3e2f1a0b", "creationDate": "2025-03-14T08:05:12Z", "timeZone": "Europe/Berlin", "text": "Fine"}
    raw.update(entry)
    return json.dumps({"metadata": {"version": "1.0"}, "entries": [{"creationDate": "2025-01-01T08:00:00Z", "text": "First"}, raw]}).encode()


NOT_DAYONE_EXPORTS: dict[str, tuple[bytes, str]] = {
    "year 1": (_dayone(creationDate="0001-01-01T00:00:00Z"), "entries[1].creationDate: '0001-01-01T00:00:00Z' is outside"),
    "year 9999": (_dayone(creationDate="9999-12-31T23:59:59Z"), "entries[1].creationDate: '9999-12-31T23:59:59Z' is outside"),
    "timeZone 5": (_dayone(timeZone=5), "entries[1].timeZone: 5 is not a time zone name"),
    "text a lone surrogate": (_dayone(text="bad \ud800"), "entries[1].text: holds characters that are not valid Unicode"),
    "text a number": (_dayone(text=5), "entries[1].text: 5 is not text"),
    "tags not a list": (_dayone(tags="work"), "entries[1].tags: 'work' is not a list"),
    "a tag a lone surrogate": (_dayone(tags=["\udfff"]), "entries[1].tags: holds characters"),
    "starred yes": (_dayone(starred="yes"), "entries[1].starred: 'yes' is not true or false"),
    "nested 100,000 deep": (b'{"entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "more than 64 levels deep"),
    "an entry nested 65 deep": (b'{"entries": [{"creationDate": "2025-01-01T08:00:00Z", "x": ' + b"[" * 62 + b"]" * 62 + b"}]}", "more than 64 levels deep"),
    "empty": (b"", "invalid JSON"),
    "a list": (b"[]", 'no "entries" list'),
    "a string": (b'"entries"', 'no "entries" list'),
    "not UTF-8": (b'{"entries": ["\xff"]}', "neither a zip nor UTF-8 JSON"),
}


@pytest.mark.parametrize("name", list(NOT_DAYONE_EXPORTS))
def test_a_bad_day_one_export_is_one_line(name: str, journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, says = NOT_DAYONE_EXPORTS[name]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", bad), digest(journal), journal, says=says)


def test_json_nested_64_deep_is_read(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """At the nesting limit (the refusals above are one level past it)."""
    header = tmp_path / "header.json"
    header.write_bytes(b'{"format": "goaljournal", "version": 1, "x": ' + b"[" * 63 + b"]" * 63 + b"}")
    assert run(capsys, "--db", journal, "import", header)[:2] == (0, "nothing new to import: every row is already in the journal\n")
    entry = tmp_path / "dayone.json"
    entry.write_bytes(b'{"entries": [{"creationDate": "2025-01-01T08:00:00Z", "text": "Deep", "x": ' + b"[" * 61 + b"]" * 61 + b"}]}")
    assert run(capsys, "--db", journal, "import", "--format", "dayone", entry)[:2] == (0, "imported 1 entry\n")


def test_a_day_one_export_with_good_values_imports(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(_dayone(timeZone="Not/AZone", tags=["two words"], starred=True))
    assert run(capsys, "--db", journal, "import", "--format", "dayone", good)[:2] == (0, "imported 2 entries\n")


def test_refusals_are_one_line_in_a_real_process_too(journal: Path, tmp_path: Path) -> None:
    bad = tmp_path / "deep.json"
    bad.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    before = digest(journal)
    for fmt in ("json", "dayone"):
        done = subprocess.run(
            [sys.executable, "-m", "goaljournal", "--db", str(journal), "import", "--format", fmt, str(bad)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert (done.returncode, done.stdout) == (1, "") and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert digest(journal) == before


# -- item 13: what an import reads is capped --------------------------------------------------------


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)  # no disk blocks, no memory: the size is all the check reads
    return path


@pytest.mark.parametrize("fmt", ["json", "jrnl", "dayone"])
def test_a_file_past_the_size_limit_is_refused_unread(fmt: str, journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = _sparse(tmp_path / "big.txt", import_limits.FILE_LIMIT + 1)
    assert_refused(run(capsys, "--db", journal, "import", "--format", fmt, big), digest(journal), journal, says="larger than 256 MB")


def test_a_jrnl_folder_past_the_size_limit_is_refused_unread(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = tmp_path / "folder" / "2026" / "01" / "01.txt"
    day.parent.mkdir(parents=True)
    _sparse(day, import_limits.FILE_LIMIT // 2)
    _sparse(day.with_name("02.txt"), import_limits.FILE_LIMIT // 2 + 1)
    assert_refused(run(capsys, "--db", journal, "import", "--format", "jrnl", tmp_path / "folder"), digest(journal), journal, says="larger than 256 MB")


def test_rows_past_the_limit_are_refused(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = "[" + ",".join(["0"] * (import_limits.ROWS_LIMIT + 1)) + "]"  # 2 MB of small ints
    before = digest(journal)
    bad = tmp_path / "many.json"
    bad.write_text(f'{{"format": "goaljournal", "version": 1, "entries": {many}}}', encoding="utf-8")
    assert_refused(run(capsys, "--db", journal, "import", bad), before, journal, says="more than 1,000,000 rows")
    bad.write_text(f'{{"entries": {many}}}', encoding="utf-8")
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", bad), before, journal, says="more than 1,000,000 rows")


def test_jrnl_entries_past_the_limit_are_refused(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "many.txt"
    bad.write_bytes(b"[2026-01-01 10:00] x\n" * (import_limits.ROWS_LIMIT + 1))  # 21 MB, counted before parsed
    assert_refused(run(capsys, "--db", journal, "import", "--format", "jrnl", bad), digest(journal), journal, says="more than 1,000,000 rows")


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _declare_sizes(path: Path, size: int) -> None:
    """Make every member of the zip claim ``size`` bytes uncompressed, in its central directory
    entry (what zipfile reads) and its local header."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        struct.pack_into("<L", data, at + 24, size)
        struct.pack_into("<L", data, struct.unpack_from("<L", data, at + 42)[0] + 22, size)
        at += 4
    path.write_bytes(bytes(data))


def _with_member_count(path: Path, count: int) -> None:
    """Give the zip a ZIP64 end record that lists ``count`` members (only the count is false)."""
    data = path.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<LL", data, end + 12)
    record = struct.pack("<4sQHHLLQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, cd_size, cd_offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    final = struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, cd_size, cd_offset, 0)
    path.write_bytes(data[:end] + record + locator + final)


def test_a_zip_bomb_is_refused_before_it_inflates(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 20 MB of spaces inside valid JSON deflate to 20 KB: a thousand times.
    bomb = _zip(tmp_path / "bomb.zip", {"Journal.json": b'{"entries": [], "x": "' + b" " * (20 * import_limits.MIB) + b'"}'})
    assert bomb.stat().st_size < 100_000
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", bomb), digest(journal), journal, says="inflates more than 100 times")


def test_a_zip_that_hides_its_size_is_stopped_while_reading(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _zip(tmp_path / "liar.zip", {"Journal.json": b'{"entries": [], "x": "' + b" " * (20 * import_limits.MIB) + b'"}'})
    _declare_sizes(bomb, 100)  # claims 100 bytes: the read stops at the declared size or the ratio
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", bomb), digest(journal), journal)


def test_a_zip_member_just_past_the_inflation_limit_is_refused_unread(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    noise = random.Random(0).randbytes(20_000)  # deflate cannot shrink it: compressed, it is about as large
    path = _zip(tmp_path / "ratio.zip", {"Journal.json": noise})
    with zipfile.ZipFile(path) as archive:
        compressed = archive.infolist()[0].compress_size
    _declare_sizes(path, import_limits.ZIP_RATIO_LIMIT * compressed + 1)
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", path), digest(journal), journal, says="inflates more than 100 times")
    _declare_sizes(path, import_limits.ZIP_RATIO_LIMIT * compressed)  # at the limit it is read (and found short)
    err = assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", path), digest(journal), journal)
    assert "inflates" not in err


def test_a_zip_member_past_the_size_limit_is_refused_unread(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = _zip(tmp_path / "big.zip", {"Journal.json": b'{"entries": []}'})
    _declare_sizes(big, import_limits.ZIP_MEMBER_LIMIT + 1)
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", big), digest(journal), journal, says="larger than 256 MB uncompressed")


def test_zip_members_past_the_total_limit_are_refused_unread(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = _zip(tmp_path / "big.zip", {f"Journal{n}.json": b'{"entries": []}' for n in range(3)})
    _declare_sizes(big, import_limits.ZIP_TOTAL_LIMIT // 3 + 1)  # each under the member limit
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", big), digest(journal), journal, says="larger than 512 MB uncompressed")


def test_a_zip_listing_too_many_members_is_refused_before_its_directory_is_read(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = _zip(tmp_path / "many.zip", {"Journal.json": b'{"entries": []}'})
    _with_member_count(many, import_limits.ZIP_MEMBERS_LIMIT + 1)
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", many), digest(journal), journal, says="more than 200,000 files")
    at_limit = _zip(tmp_path / "at-limit.zip", {"Journal.json": b'{"entries": []}'})
    _with_member_count(at_limit, import_limits.ZIP_MEMBERS_LIMIT)  # at the limit: read as usual
    assert run(capsys, "--db", journal, "import", "--format", "dayone", at_limit)[:2] == (0, "nothing new to import: every entry is already in the journal\n")


def test_a_damaged_zip_is_one_line(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _zip(tmp_path / "good.zip", {"Journal.json": _dayone()})
    data = bytearray(good.read_bytes())
    start = data.find(b"PK\x03\x04") + 30 + len("Journal.json")
    data[start : start + 20] = zlib.compress(b"garbage")[:20]
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(data))
    assert_refused(run(capsys, "--db", journal, "import", "--format", "dayone", broken), digest(journal), journal, says="not a readable zip")


# -- doctor checks values, not only pages -----------------------------------------------------------


PLANTED = [
    ("UPDATE goals SET deadline = 'soon' WHERE id = 1", "bad value: goals row 1, deadline: 'soon' is not a date"),
    ("UPDATE goals SET deadline = '2027-13-01' WHERE id = 1", "bad value: goals row 1, deadline: '2027-13-01' is not a real date"),
    ("UPDATE goals SET target = 'lots' WHERE id = 1", "bad value: goals row 1, target: 'lots' is not a number"),
    ("UPDATE goals SET target = 9e999 WHERE id = 1", "bad value: goals row 1, target: inf is not a finite number"),
    ("UPDATE goals SET target = 1e300 WHERE id = 1", "bad value: goals row 1, target: 1e+300 is beyond"),
    ("UPDATE checkins SET value = 'abc' WHERE id = 1", "bad value: checkins row 1, value: 'abc' is not a number"),
    ("UPDATE checkins SET at = 'not a date' WHERE id = 1", "bad value: checkins row 1, at: 'not a date' is not a date"),
    ("UPDATE entries SET at = '2026-11-01T08:00' WHERE id = 1", "bad value: entries row 1, at: '2026-11-01T08:00' is out of range"),
    ("UPDATE entries SET starred = 2 WHERE id = 1", "bad value: entries row 1, starred: 2 is not 0 or 1"),
    ("UPDATE goals SET why = x'00ff' WHERE id = 1", "bad value: goals row 1, why: b'\\x00\\xff' is not text"),
    ("UPDATE assessments SET at = '2026-02-30' WHERE id = 1", "bad value: assessments row 1, at: '2026-02-30' is not a real date"),
    ("UPDATE revisions SET changes = 'oops' WHERE id = 1", "bad value: revisions row 1, changes: 'oops' is not JSON"),
]


@pytest.fixture
def checked_journal(db_path: Path) -> Path:
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal("Run 5 km", target=5, deadline="2027-01-01")
        store.add_checkin(goal, 2, at="2026-11-20")
        store.update_goal(goal, reason="More", target=6)
        store.add_entry("Ran today", at="2026-11-01 08:00:00")
        store.add_assessment("2026-07-01")
    return db_path


@pytest.mark.parametrize(("sql", "problem"), PLANTED, ids=[sql.split(" WHERE")[0] for sql, _ in PLANTED])
def test_doctor_finds_a_bad_value_planted_with_sqlite3(sql: str, problem: str, checked_journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", checked_journal, "doctor")[1].endswith("verdict: healthy\n")
    with raw_connect(checked_journal) as conn:  # another program, with the journal's CHECKs where they hold
        conn.execute(sql)
    code, out, _ = run(capsys, "--db", checked_journal, "doctor")
    assert code == 1
    assert f"problem: {problem}" in out, out
    assert "verdict: 1 problem found" in out and "to repair:" in out and ".recover" not in out
    code, out, _ = run(capsys, "--db", checked_journal, "--json", "doctor")
    assert code == 1 and len(json.loads(out)["problems"]) == 1 and json.loads(out)["problems"][0].startswith(problem)


def test_doctor_counts_many_bad_rows_in_a_few_lines(checked_journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(checked_journal, clock=lambda: NOW) as store:
        for n in range(30):
            store.add_entry(f"Entry {n}", at="2026-11-02 08:00:00")
    with raw_connect(checked_journal) as conn:
        conn.execute("UPDATE entries SET starred = 2")
    code, out, _ = run(capsys, "--db", checked_journal, "doctor")
    lines = [line for line in out.splitlines() if line.startswith("problem:")]
    assert code == 1 and len(lines) == 11 and lines[-1] == "problem: bad value: 21 more rows of entries hold values like these"


def test_the_fixture_journals_of_every_version_pass_the_value_checks(tmp_path: Path) -> None:
    for version in (1, 2, 3, 4):
        copy_path = tmp_path / f"v{version}.db"
        copy_path.write_bytes((Path(__file__).parent / "fixtures" / f"journal_v{version}.db").read_bytes())
        with Store.open(copy_path, clock=lambda: NOW) as store:
            assert store.check() == [], version
