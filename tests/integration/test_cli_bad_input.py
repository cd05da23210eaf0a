"""Every command, each kind of bad input: a ``file: field: problem`` message and exit 2.

The commands are enumerated from the command tree itself, so a command added later
without an entry in ``VALID`` fails ``test_every_command_has_a_valid_invocation``; each
file or folder parameter is then given every kind of bad value its parser can meet.
Runs in process through ``cli.app.run``, the same function the ``ipsentry`` script calls.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer._click import Command, Context
from typer.core import TyperGroup, TyperOption

from ipsentry.cli.app import command_tree, run
from ipsentry.cli.params import (
    BinaryFile,
    IndexFolder,
    InputFile,
    OutputFile,
    OutputFolder,
    parser_of,
)
from ipsentry.domain.mediation import policy
from ipsentry.settings import get_settings
from ipsentry.store.database import dispose_all

PATENT = {
    "number": "US10000001",
    "title": "Electronic vaporization device",
    "abstract": "A cartridge with a porous ceramic heating element.",
    "claims": [
        {
            "num": 1,
            "text": "A device, comprising:\na liquid storage cavity; and\na porous ceramic body.",
        }
    ],
}
PRODUCT = "The cartridge has a glass tank. A porous ceramic core carries a printed heating coil."
FILES = {
    "rights.csv": "kind,jurisdiction,mark,registration_number,nice_classes\n"
    "trademark,US,ZEPHYRA,7000001,34\n",
    "marks.csv": "id,mark,classes\n1,CCELL,34\n",
    "observations.csv": "kind,text\nlisting,CCELL cartridge 1ml\n",
    "pairs.csv": "left,right\nCCELL,C-CELL\n",
    "product.txt": PRODUCT,
    "patent.json": json.dumps(PATENT),
    "patents.jsonl": json.dumps(PATENT)
    + "\n"
    + json.dumps({**PATENT, "number": "US10000002"})
    + "\n",
    "products.jsonl": json.dumps({"id": "p1", "text": PRODUCT}) + "\n",
    "names.txt": "flask\nrequests\nnumpy\nccell\n",
    "declarations.csv": "direction,brand,description,hs_code,quantity,unit_value,currency\n"
    "export,CCELL,vaporizer cartridges,8543.40,1000,0.30,USD\n",
    "queries.txt": "flaks\n",
    "guide.json": json.dumps({"features": ["laser-etched logo"], "hs_codes": ["854340"]}),
    "notice.txt": "[Investigation No. 337-TA-9999]\nCertain Lamps; Termination of the "
    "Investigation\nSUMMARY: Notice is hereby given that the U.S. International Trade "
    "Commission has terminated the investigation as to respondent Lumo Ltd. of Ningbo, China "
    "based on a settlement agreement.\n",
    "password.txt": "correct horse battery staple\n",
    "page.html": "<html><body><p>CCELL cartridge, USD 12.99</p></body></html>\n",
    "answers.json": json.dumps({"co_development": "no", "export_markets": ["US"]}),
    "intake.json": json.dumps(
        {
            "title": "Copied design",
            "claimant": "Beijing Example Robotics Co., Ltd.",  # holds the right it names
            "respondent": {"name": "Beta Ltd"},
            "received_on": "2026-11-02",
            "amount": {"amount": "1000", "currency": "CNY"},
            "rights": ["CN 60000001"],  # robotics-demo's, which engaged the service centre
        }
    ),
    "assetlinks.json": json.dumps(
        [{"target": {"namespace": "android_app", "package_name": "com.ccell.app"}}]
    ),
}

# One valid invocation of every command: parameter name -> value ("{file}" is a file of
# FILES, "{out.EXT}" a new output file, "{outdir}" a new folder, "{register}"/"{patents}"
# an index built once). A command missing here fails the first test.
OFFICER = "officer@customs-demo.example"
VALID: dict[str, dict[str, Any]] = {
    "demo load": {},
    "demo users": {"as_json": True},
    "portfolio import": {"file": "{rights.csv}"},
    "portfolio list": {},
    "portfolio show": {"reference": "US 10,357,623"},
    "portfolio export": {"out": "{out.csv}"},
    "portfolio summary": {},
    "deadlines": {"within": "1y", "ics": "{out.ics}", "today": "2026-11-23"},
    "screen": {"marks": "{marks.csv}", "input_": "{observations.csv}", "out": "{out.jsonl}"},
    "marks score": {"pairs": "{pairs.csv}", "out": "{out.csv}"},
    "marks compare": {"earlier": "CCELL", "later": "C-CELL"},
    "marks lookalikes": {"mark": "ccell"},
    "marks imitates": {
        "names": ["ccel.com"],
        "marks": "{marks.csv}",
        "association": ["{assetlinks.json}"],
    },
    "register build": {"names": "{names.txt}", "out": "{outdir}", "workers": "1"},
    "register search": {"index": "{register}", "queries_file": "{queries.txt}"},
    "claims chart": {
        "patent": "{patent.json}",
        "product": "{product.txt}",
        "words_only": True,
        "as_csv": True,
        "out": "{out.csv}",
    },
    "claims batch": {
        "patents": "{patents.jsonl}",
        "products": "{products.jsonl}",
        "out": "{out.jsonl}",
        "words_only": True,
    },
    "patents index": {"corpus": "{patents.jsonl}", "out": "{outdir}", "dense": False},
    "patents search": {
        "folder": "{patents}",
        "queries": ["porous ceramic"],
        "queries_file": "{queries.txt}",
    },
    "cases parse-notice": {"file": "{notice.txt}", "as_json": True},
    "cases import-notice": {"file": "{notice.txt}", "as_json": True},
    "cases list": {"as_json": True},
    "cases show": {"reference": "337-TA-1286"},
    "cases evidence add": {
        "file": "{page.html}",
        "title": "Listing",
        "url": "https://shop.example/1",
        "ship_to": "US",
        "price": "12.99",
        "currency": "USD",
        "as_json": True,
    },
    "cases evidence list": {"as_json": True},
    "cases evidence custody": {
        "item": "1",
        "holder": "lab@example.org",
        "action": "teardown",
        "document": "{product.txt}",
    },
    "cases evidence verify": {"item": "1"},
    "cases evidence binder": {"out": "{out.pdf}", "prefix": "ACME", "as_json": True},
    # the world confirms hits 1-3 of a screening run; the demo holds detentions 1 and 2
    "cases capture-hit": {"hit": "1", "case": "1:20-cv-00001", "page": "{page.html}"},
    "cases capture-seizure": {"detention": "1", "photo": "{product.txt}", "as_json": True},
    "cases open": {
        "title": "Copier v. our application",
        "kind": "opposition",
        "number": "OPP-9",
        "side": "defended",
        "jurisdiction": "CN",
        "served_on": "2026-11-02",
        "right": ["US 5,633,060"],
    },
    "cases party": {
        "case": "1:20-cv-00001",
        "name": "New Seller Store",
        "seller_id": ["marketplace A:NS-1"],
        "payment_account": ["PayCo:acct-1"],
    },
    "cases move": {
        "case": "TD-2026-0042",
        "party": "Greyfog Vape Mall",
        "disposition": "served",
        "on": "2026-10-20",
        "source": "platform message",
    },
    "cases amount": {
        "case": "1:20-cv-00001",
        "kind": "frozen",
        "value": "1200.50",
        "currency": "USD",
        "party": "Lumacart Online Store",
    },
    "cases network": {"svg": "{out.svg}", "as_json": True},
    "cases takedown generate": {"today": "2026-12-01", "as_json": True},
    "cases takedown list": {"as_json": True},
    "cases takedown move": {"notice": "1", "status": "sent", "on": "2026-12-02"},
    "cases takedown show": {"notice": "1"},
    "cases takedown write": {"notice": "1", "out": "{out.txt}"},
    "db upgrade": {},
    "db current": {},
    "db backup": {"file": "{out.backup}"},
    "db restore": {"file": "{demo.backup}"},
    "init": {
        "organisation": "Acme",
        "admin_email": "boss@acme.example",
        "password_file": "{password.txt}",
    },
    "org create": {"slug": "acme", "name": "Acme", "kind": "customs", "as_user": "{operator}"},
    "org list": {"as_user": "{operator}", "as_json": True},
    "org grant": {"organisation": "ip-service-centre-demo", "scope": "engagement"},
    "org grants": {"as_json": True},
    "org revoke": {"grant_id": "4"},  # the one "org grant" gives (the demo holds three)
    "user add": {
        "email": "new@smoore-demo.example",
        "role": "analyst",
        "as_user": "{admin}",
        "password_file": "{password.txt}",
    },
    "user list": {"as_user": "{admin}", "as_json": True},
    "demo patent-index": {"out": "{outdir}"},
    "user token": {"name": "nightly export", "as_user": "{admin}"},
    "serve": {"check": True},
    "user deactivate": {"email": "viewer@smoore-demo.example", "as_user": "{admin}"},
    # the demo's health checks: 1 and 2 by the service centre's advisor, 3 a draft self-check
    # (answered, then diagnosed: the commands run in this file's sorted order)
    "health start": {"as_user": "counsel@robotics-demo.example"},
    "health questions": {"assessment_id": "3", "lang": "zh_Hans", "as_json": True},
    "health answer": {"assessment_id": "3", "file": "{answers.json}"},
    "health diagnose": {"assessment_id": "3", "today": "2026-12-01", "register": "{register}"},
    "health list": {"as_json": True},
    "health event": {
        "kind": "seminar",
        "title": "Trademark basics",
        "on": "2026-11-10",
        "attendance": "30",
        "enterprise": ["robotics-demo"],
        "as_user": "{advisor}",
    },
    "health attendance": {"event_id": "1", "attended": "45", "as_user": "{advisor}"},
    "health case-studies": {"as_json": True, "as_user": "counsel@robotics-demo.example"},
    "health case-study": {
        "dispute_id": "1",
        "on": "2026-12-01",
        "enterprise": ["robotics-demo"],
        "as_user": "{mediator}",
    },
    "health outreach": {"as_json": True, "as_user": "{advisor}"},
    "health hours": {"assessment_id": "1", "used": "1", "as_user": "{advisor}"},
    "health programme": {"as_json": True, "as_user": "{advisor}"},
    "health enterprises": {"as_json": True, "as_user": "{advisor}"},
    "health report": {"assessment_id": "2", "out": "{out.html}", "as_user": "{advisor}"},
    "health show": {"assessment_id": "1", "as_user": "{advisor}"},
    # the demo's disputes, all in the advisor's charge: 1 resolved and 2 in mediation (with the
    # mediator), 3 taken in and 4 referred; "add" takes in 5. Sorted order: add, assess,
    # assign, confirm, escalate, mediate, ...
    "customs recordations save": {
        "right": "US 5633060",
        "authority": "US-CBP",
        "number": "TMK 26-1",
        "valid_from": "2026-01-01",
    },
    "customs recordations guide": {"recordation_id": "1", "guide": "{guide.json}"},
    "customs plans save": {"plan_id": "1", "training": "check the logo", "port": ["Shekou"]},
    "customs recordations list": {"as_json": True, "as_user": OFFICER},
    "customs recordations show": {"recordation_id": "1", "as_user": OFFICER},
    "customs plans list": {"as_json": True},
    "customs score": {"declarations": "{declarations.csv}", "out": "{out.csv}", "as_user": OFFICER},
    "customs queue": {"as_json": True, "as_user": OFFICER},
    "customs detentions list": {"as_json": True},
    "customs detentions show": {"detention_id": "1"},
    "customs detentions detain": {
        "declaration_id": "1",
        "recordation_id": "1",
        "on": "2026-12-03",
        "as_user": OFFICER,
    },
    "customs detentions step": {
        "detention_id": "1",
        "to": "released",
        "on": "2026-12-03",
        "as_user": OFFICER,
    },
    "customs stats": {"as_json": True},
    "disputes add": {"file": "{intake.json}", "as_user": "{advisor}"},
    "disputes assess": {
        "dispute_id": "3",
        "yes": ["conduct_stopped_after_notice"],
        "as_user": "{advisor}",
    },
    "disputes assign": {
        "dispute_id": "3",  # still open: an ended dispute takes no new mediator
        "mediator": "{mediator}",
        "as_user": "{advisor}",
        "as_json": True,
    },
    "disputes confirm": {
        "dispute_id": "1",
        "state": "requested",
        "on": "2026-06-01",
        "court": "Example Internet Court",
        "reference": "(2026) No. 12",
        "as_user": "{mediator}",
    },
    "disputes escalate": {"dispute_id": "5", "kind": "district_court", "as_user": "{advisor}"},
    "disputes list": {"as_json": True, "as_user": "{mediator}"},
    "disputes mediate": {"dispute_id": "3", "as_user": "{advisor}"},
    "disputes override": {
        "dispute_id": "4",
        "verdict": "consider",
        "reason": "both asked",
        "as_user": "{advisor}",
    },
    "disputes resolve": {
        "dispute_id": "3",
        "outcome": "withdrawal",
        "on": "2026-11-30",
        "as_user": "{advisor}",
    },
    "disputes session": {
        "dispute_id": "2",
        "on": "2026-12-01",
        "notes": "met",
        "as_user": "{mediator}",
    },
    "disputes show": {"dispute_id": "2", "as_user": "{mediator}"},
    "disputes stats": {"as_json": True, "as_user": "{mediator}"},
    "health task": {
        "assessment_id": "1",
        "priority": "1",
        "status": "done",
        "as_user": "{advisor}",
    },
}
# Commands that set up a database of their own: each invocation gets a new, empty one.
NEW_DATABASE = {"init", "db restore"}
USERS = {
    "{admin}": "admin@smoore-demo.example",
    "{operator}": "operator@operator-demo.example",
    "{advisor}": "advisor@ipservice-demo.example",
    "{mediator}": "mediator@ipservice-demo.example",
}


def _confirm_first_hit() -> None:
    """A screening run of the demo with hits 1-3 confirmed, for the commands that take a hit."""
    from ipsentry.domain.screening import ReviewStatus
    from ipsentry.services import review
    from ipsentry.services.access import resolve_actor
    from ipsentry.services.screening import run_screening
    from ipsentry.store.unit_of_work import UnitOfWork

    uow = UnitOfWork.for_url(get_settings().database_url)
    with uow:
        counsel = resolve_actor(uow, "smoore-demo", "counsel@smoore-demo.example")
    run_screening(uow, counsel)
    for hit in (1, 2, 3):  # one listing against each CCELL registration (the demo's notice
        review.decide(uow, counsel, hit, ReviewStatus.CONFIRMED, "counterfeit", 1)  # has one)


def commands() -> Iterator[tuple[str, Command]]:
    """Every leaf command of the tree, by its path ('portfolio import')."""
    root = command_tree()

    def walk(group: TyperGroup, prefix: str) -> Iterator[tuple[str, Command]]:
        ctx = Context(group)
        for name in group.list_commands(ctx):
            _, command, _ = group.resolve_command(ctx, [name])
            assert command is not None
            path = f"{prefix} {name}".strip()
            if isinstance(command, TyperGroup):
                yield from walk(command, path)
            else:
                yield path, command

    assert isinstance(root, TyperGroup)
    yield from walk(root, "")


COMMANDS = dict(commands())


@dataclass
class World:
    root: Path
    files: dict[str, Path]
    counter: int = 0

    def fresh(self, name: str) -> Path:
        self.counter += 1
        folder = self.root / f"case{self.counter}"
        folder.mkdir()
        return folder / name

    def value(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if not isinstance(value, str) or not value.startswith("{"):
            return value
        if value in USERS:
            return USERS[value]
        key = value.strip("{}")
        if key.startswith("out."):
            return str(self.fresh("out" + key[3:]))
        if key == "outdir":
            return str(self.fresh("index"))
        return str(self.files[key])


@contextlib.contextmanager
def database_for(path: str, world: World) -> Iterator[None]:
    """A new database for the commands that create one; the world's for the others."""
    if path not in NEW_DATABASE:
        yield
        return
    saved = os.environ["IPSENTRY_DATABASE_URL"]
    os.environ["IPSENTRY_DATABASE_URL"] = f"sqlite:///{world.fresh('new.sqlite3')}"
    get_settings.cache_clear()
    try:
        yield
    finally:
        os.environ["IPSENTRY_DATABASE_URL"] = saved
        get_settings.cache_clear()


def argv(path: str, command: Command, values: dict[str, Any], world: World) -> list[str]:
    args = path.split()
    for param in command.params:
        if param.name not in values:
            continue
        value = world.value(values[param.name])
        if isinstance(param, TyperOption) and param.is_flag:
            if value is True:
                args.append(param.opts[0])
            elif value is False and param.secondary_opts:
                args.append(param.secondary_opts[0])
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(param, TyperOption):
                args.append(param.opts[0])
            args.append(str(item))
    return args


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("cli")
    files = {}
    for name, text in FILES.items():
        files[name] = root / name
        files[name].write_text(text, "utf-8")
    saved = dict(os.environ)
    os.environ["IPSENTRY_DATABASE_URL"] = f"sqlite:///{root / 'demo.sqlite3'}"
    get_settings.cache_clear()
    w = World(root, files)
    assert run(["demo", "load"]) == 0
    page = ["cases", "evidence", "add", str(files["page.html"]), "--title", "Listing"]
    assert run([*page, "--url", "https://shop.example/1"]) == 0  # evidence item 1
    _confirm_first_hit()
    files["demo.backup"] = root / "demo.backup"
    assert run(["db", "backup", str(files["demo.backup"])]) == 0
    files["register"] = root / "register"
    assert run(["register", "build", str(files["names.txt"]), "--out", str(files["register"])]) == 0
    files["patents"] = root / "patents"
    assert (
        run(
            [
                "patents",
                "index",
                str(files["patents.jsonl"]),
                "--out",
                str(files["patents"]),
                "--no-dense",
            ]
        )
        == 0
    )
    yield w
    os.environ.clear()
    os.environ.update(saved)
    get_settings.cache_clear()
    dispose_all()


def test_every_command_has_a_valid_invocation() -> None:
    assert set(COMMANDS) == set(VALID), "add the new command to VALID (and mind its bad input)"


@pytest.mark.parametrize("path", sorted(VALID))
def test_the_valid_invocation_works(
    path: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """So that the bad-input cases below fail for the bad value, not for another."""
    with database_for(path, world):
        assert run(argv(path, COMMANDS[path], VALID[path], world)) == 0, capsys.readouterr().err


def _suffix(formats: tuple[str, ...], *preferred: str) -> str:
    for suffix in preferred:
        if not formats or suffix in formats:
            return suffix
    return formats[0] or ".txt"


def bad_values(parser: Any, world: World, valid: Path) -> Iterator[tuple[str, Path]]:
    """(kind of bad input, the bad path) for one parameter's parser."""
    formats: tuple[str, ...] = getattr(parser, "formats", ())
    if isinstance(parser, BinaryFile):  # any bytes will do, so no encoding to get wrong
        yield "missing", world.fresh("missing.bin")
        directory = world.fresh("folder.bin")
        directory.mkdir()
        yield "directory", directory
        empty = world.fresh("empty.bin")
        empty.write_bytes(b"")
        yield "empty", empty
        dangling = world.fresh("dangling.bin")
        dangling.symlink_to(world.root / "no-such-target")
        yield "broken link", dangling
    elif isinstance(parser, InputFile):
        suffix = _suffix(formats, ".csv", ".txt", ".json")
        yield "missing", world.fresh("missing" + suffix)
        directory = world.fresh("folder" + suffix)
        directory.mkdir()
        yield "directory", directory
        empty = world.fresh("empty" + suffix)
        empty.write_bytes(b"")
        yield "empty", empty
        latin = world.fresh("latin1" + suffix)
        latin.write_bytes(
            "kind,text,mark,left,right,number,id\ncaf\xe9,é,é,é,é,é,é\n".encode("latin-1")
        )
        yield "wrong encoding", latin
        if formats:
            odd = world.fresh("file.exe")
            odd.write_bytes(valid.read_bytes())
            yield "wrong format (suffix)", odd
        for suffix, junk in (
            (".xlsx", b"left,right\nA,B\n"),
            (".json", b"{not json"),
            (".gz", b"plain"),
        ):
            if suffix in formats or (suffix == ".gz" and not formats):
                fake = world.fresh("fake" + suffix)
                fake.write_bytes(junk)
                yield f"wrong format ({suffix})", fake
        if ".csv" in formats:
            headless = world.fresh("headless.csv")
            headless.write_text("1,2,3\n4,5,6\n", "utf-8")
            yield "csv without header", headless
    elif isinstance(parser, OutputFile):
        suffix = _suffix(formats, ".csv", ".jsonl", ".ics")
        yield "missing folder", world.root / "no-such-folder" / f"out{suffix}"
        yield "unwritable folder", Path("/sys") / f"ipsentry-out{suffix}"
        directory = world.fresh("folder" + suffix)
        directory.mkdir()
        yield "directory", directory
        if formats:  # e.g. JSON asked of a command that writes CSV
            yield (
                "wrong format (suffix)",
                world.fresh("out.exe" if ".json" in formats else "out.json"),
            )
    elif isinstance(parser, IndexFolder):
        yield "missing", world.fresh("no-index")
        yield "a file", world.files["names.txt"]
        empty = world.fresh("empty-index")
        empty.mkdir()
        yield "not an index", empty
        corrupted = world.fresh("corrupted")
        shutil.copytree(valid, corrupted)
        (corrupted / "meta.json").write_text("{garbage", "utf-8")
        yield "corrupted index", corrupted
        other = "patents" if valid == world.files["register"] else "register"
        yield "mismatched index", world.files[other]
    elif isinstance(parser, OutputFolder):
        yield "missing folder", world.root / "no-such-folder" / "index"
        yield "unwritable folder", Path("/sys") / "ipsentry-index"
        yield "a file", world.files["names.txt"]
        yield "a folder of other files", world.root


def cases() -> Iterator[Any]:
    for path, command in sorted(COMMANDS.items()):
        for param in command.params:
            parser = parser_of(param)
            if isinstance(parser, BinaryFile | InputFile | OutputFile | IndexFolder | OutputFolder):
                yield pytest.param(path, param.name, id=f"{path} {param.name}")


def test_every_path_parameter_uses_an_ipsentry_parser() -> None:
    """A plain Path parameter would skip every check below."""
    for path, command in COMMANDS.items():
        for param in command.params:
            annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
            if annotation is Path or "Path" in str(annotation):
                assert parser_of(param) is not None, f"{path} {param.name}: use a cli.params parser"


@pytest.mark.parametrize(("path", "name"), list(cases()))
def test_each_kind_of_bad_path_is_refused(
    path: str, name: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    command = COMMANDS[path]
    param = next(p for p in command.params if p.name == name)
    valid = VALID[path][name]
    valid_path = Path(world.value(valid[0] if isinstance(valid, list) else valid))
    tried = list(bad_values(parser_of(param), world, valid_path))
    assert len(tried) >= 4
    for kind, bad in tried:
        values = {**VALID[path], name: [str(bad)] if isinstance(valid, list) else str(bad)}
        before = bad.exists()
        with database_for(path, world):
            code = run(argv(path, command, values, world))
        err = capsys.readouterr().err
        assert code == 2, f"{kind}: exit {code}: {err}"
        assert str(bad) in err, f"{kind}: the message names no file: {err}"
        assert "Traceback" not in err and "internal error" not in err, err
        if isinstance(parser_of(param), OutputFile | OutputFolder) and not before:
            assert not bad.exists(), f"{kind}: {bad} was written"


# --- the cases the first trial of the command line met, one by one ----------------------


def invoke(
    capsys: pytest.CaptureFixture[str], *args: str, database: str | None = None
) -> tuple[int, str, str]:
    saved = os.environ.get("IPSENTRY_DATABASE_URL")
    if database is not None:
        os.environ["IPSENTRY_DATABASE_URL"] = database
        get_settings.cache_clear()
    try:
        code = run(list(args))
    finally:
        if database is not None and saved is not None:
            os.environ["IPSENTRY_DATABASE_URL"] = saved
            get_settings.cache_clear()
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["deadlines", "--today", "2025-13-01"],
            "command line: --today: '2025-13-01' is not a date",
        ),
        (["deadlines", "--within", "soon"], "command line: --within: 'soon': use e.g. 90d"),
        (["portfolio", "show", "US 10,357,623", "--today", "tomorrow"], "--today: 'tomorrow'"),
        (["db", "upgrade", "no-such-revision"], "command line: REVISION: 'no-such-revision'"),
        (["register", "search", "{register}", ""], "command line: QUERY: is empty"),
        (["patents", "search", "{patents}", "   "], "command line: QUERY: is empty"),
        (
            [
                "screen",
                "--marks",
                "{marks.csv}",
                "--input",
                "{observations.csv}",
                "--out",
                "{out.jsonl}",
                "--kind",
                "domain",
            ],
            "command line: --kind: only in portfolio mode",
        ),
        (["marks", "compare", "A", "B", "--earlier-classes", "46"], "'46' is not a Nice class"),
        (["cases", "parse-notice", "{names.txt}"], "names.txt: (file): not a USITC Section 337"),
        (
            [
                "customs",
                "recordations",
                "save",
                "--right",
                "US 5633060",
                "--authority",
                "CBP",
                "--number",
                "TMK 9",
                "--valid-until",
                "2026-02-30",
            ],
            "command line: --valid-until: '2026-02-30' is not a date",
        ),
        (
            ["customs", "plans", "save", "1", "--customs", "smoore-demo"],
            "command line: --customs: 'smoore-demo' is not a customs organisation",
        ),
        (["customs", "recordations", "guide", "1", "{patent.json}"], "patent.json: number"),
        (
            ["health", "event", "party", "Trademark basics", "--on", "2026-11-10"],
            "command line: KIND: 'party' is not one of 'seminar', 'consultation'",
        ),
        (  # a case study is written from a dispute ('health case-study'), not recorded
            ["health", "event", "case_study", "Trademark basics", "--on", "2026-11-10"],
            "command line: KIND: 'case_study' is not one of 'seminar', 'consultation'",
        ),
        (["health", "event"], "command line: KIND: is required; one of seminar, consultation"),
        (  # the API's limit for a session's record (SESSION_NOTES_LIMIT), not cut later
            ["disputes", "session", "2", "--on", "2026-11-01", "--notes", "x" * 50_001],
            "command line: --notes: at most 50000 characters; this is 50001",
        ),
        (
            ["disputes", "resolve", "2", "settlement", "--notes", "x" * 20_001],
            "command line: --notes: at most 20000 characters; this is 20001",
        ),
        (
            ["disputes", "confirm", "1", "requested", "--on", "2026-06-01", "--court", "c" * 501],
            "command line: --court: at most 500 characters; this is 501",
        ),
        (
            [
                "disputes",
                "confirm",
                "1",
                "requested",
                "--on",
                "2026-06-01",
                "--court",
                "C",
                "--reference",
                "r" * 201,
            ],
            "command line: --reference: at most 200 characters; this is 201",
        ),
        (
            ["disputes", "confirm", "1", "requested", "--court", "C"],
            "command line: --on",
        ),
        (  # a misspelt factor is named by its option, with the factor meant
            ["disputes", "assess", "3", "--yes", "conduct_stoped_after_notice"],
            "command line: --yes: no factor conduct_stoped_after_notice (did you mean "
            "conduct_stopped_after_notice?)",
        ),
        (
            ["health", "case-study", "1", "--on", "2999-01-01", "--as", "{mediator}"],
            "command line: held_on: 2999-01-01 is in the future",
        ),
        (  # a seminar may be announced ahead, but nobody has attended it yet
            [
                "health",
                "event",
                "seminar",
                "Trademark basics",
                "--on",
                "2999-01-01",
                "--attendance",
                "30",
                "--as",
                "{advisor}",
            ],
            "command line: --attendance: the event is on 2999-01-01, not held yet: record its "
            "attendance once it is",
        ),
        (
            ["health", "attendance", "1", "-3", "--as", "{advisor}"],
            "command line: attendance: give how many came, from 0 to 1,000,000, not -3",
        ),
        (  # past any integer column: refused, not an internal error
            [
                "health",
                "event",
                "seminar",
                "Big",
                "--on",
                "2026-11-01",
                "--attendance",
                "99999999999999999999",
                "--as",
                "{advisor}",
            ],
            "command line: --attendance: give how many came, from 0 to 1,000,000, not 99999999",
        ),
        (  # the demo's smoore has not engaged the service centre, nor been checked by it
            [
                "health",
                "event",
                "seminar",
                "Trademark basics",
                "--on",
                "2026-11-10",
                "--enterprise",
                "smoore-demo",
                "--as",
                "{advisor}",
            ],
            "command line: --enterprise: 'smoore-demo' is not an enterprise your organisation "
            "serves: it has not engaged you and has no health check by you",
        ),
    ],
)
def test_bad_values_on_the_command_line(
    args: list[str], message: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = invoke(capsys, *(world.value(a) for a in args))
    assert code == 2 and message in err, err


def test_an_intake_with_fields_left_empty_says_what_is_missing_never_none(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    intake = world.fresh("empty-fields.json")
    intake.write_text(
        json.dumps(
            {
                "title": "Copied design",
                "claimant": {
                    "name": "Alpha Co.",
                    "identifiers": [{"kind": "domain", "value": None}],
                },
                "respondent": "Beta Ltd",
                "received_on": None,
                "amount": {"amount": None, "currency": "CNY"},
            }
        ),
        "utf-8",
    )
    code, _, err = invoke(capsys, "disputes", "add", str(intake), "--as", world.value("{advisor}"))
    assert code == 2 and "None" not in err, err
    assert f"{intake}: received_on: give the day the dispute was received (YYYY-MM-DD)" in err
    assert f"{intake}: amount: give the amount as well as its currency" in err
    assert f"{intake}: claimant.identifiers: give kind (" in err


def test_blank_queries_file_is_refused(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    blank = world.fresh("blank.txt")
    blank.write_text("\n  \n", "utf-8")
    code, _, err = invoke(
        capsys, "register", "search", str(world.files["register"]), "--queries-file", str(blank)
    )
    assert code == 2 and f"{blank}: (file): has no queries" in err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "mysql://user@localhost/ipsentry",
            "IPSENTRY_DATABASE_URL: scheme: 'mysql' is not supported",
        ),
        ("not a url", "IPSENTRY_DATABASE_URL: url: 'not a url' is not a database URL"),
        (
            "postgresql+psycopg://nobody@127.0.0.1:9/none",
            "IPSENTRY_DATABASE_URL: database: cannot use",
        ),
    ],
)
def test_unusable_database_urls(
    url: str, message: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = invoke(capsys, "portfolio", "list", database=url)
    assert code == 2 and message in err, err


def test_a_mistyped_sqlite_path_is_reported_not_created(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = world.root / "demo.sqlite"  # the database is demo.sqlite3
    code, _, err = invoke(capsys, "portfolio", "list", database=f"sqlite:///{typo}")
    assert code == 2 and f"no database file {typo}" in err
    assert not typo.exists()
    code, _, err = invoke(capsys, "db", "current", database=f"sqlite:///{typo}")
    assert code == 2 and not typo.exists()
    not_sqlite = world.files["names.txt"]
    code, _, err = invoke(capsys, "portfolio", "list", database=f"sqlite:///{not_sqlite}")
    assert code == 2 and "IPSENTRY_DATABASE_URL: database: cannot use" in err


def test_db_upgrade_creates_a_new_database_on_purpose(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    new = world.fresh("new.sqlite3")
    code, out, _ = invoke(capsys, "db", "upgrade", database=f"sqlite:///{new}")
    assert code == 0 and new.exists() and "at revision" in out


def test_import_refuses_an_unknown_office_and_a_headerless_file(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = world.fresh("xx.csv")
    unknown.write_text("kind,jurisdiction,mark,registration_number\ntrademark,XX,ZORBA,7000009\n")
    code, _, err = invoke(capsys, "portfolio", "import", str(unknown))
    assert code == 2 and f"{unknown}:2: jurisdiction: 'XX' is not an office code" in err
    headless = world.fresh("headless.csv")
    headless.write_text("trademark,US,ZORBA,7000009\n")
    code, _, err = invoke(capsys, "portfolio", "import", str(headless))
    assert code == 2 and f"{headless}:1: (header): no known column in the header" in err
    code, out, _ = invoke(capsys, "portfolio", "list", "--json")
    assert "ZORBA" not in out  # nothing of either file was stored


@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_with_semicolons_or_tabs_imports_as_with_commas(
    separator: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    number = "7100001" if separator == ";" else "7100002"
    path = world.fresh("locale.csv")
    rows = [["kind", "jurisdiction", "mark", "registration_number", "nice_classes"],
            ["trademark", "US", f"SEPARATED{number}", number, "9; 34"]]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=separator).writerows(rows)
    code, out, err = invoke(capsys, "portfolio", "import", str(path))
    assert code == 0 and "1 created" in out, err
    code, out, _ = invoke(capsys, "portfolio", "show", f"US {number}", "--json")
    assert json.loads(out)["nice_classes"] == "9; 34"


def test_patents_index_of_an_empty_corpus_leaves_nothing_behind(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = world.fresh("blank.jsonl")
    blank.write_text("\n\n", "utf-8")
    out = world.fresh("index")
    code, _, err = invoke(capsys, "patents", "index", str(blank), "--out", str(out), "--no-dense")
    assert code == 2 and f"{blank}: (file): has no records" in err
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_claims_chart_json_goes_to_out(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    out = world.fresh("chart.json")
    code, stdout, _ = invoke(
        capsys, "claims", "chart", "--patent", str(world.files["patent.json"]),
        "--product", str(world.files["product.txt"]), "--words-only", "--json", "--out", str(out),
    )  # fmt: skip
    assert (
        code == 0
        and json.loads(out.read_text())["patent"]["number"].replace(" ", "") == "US10000001"
    )
    assert "{" not in stdout


def test_an_unexpected_failure_is_a_one_line_internal_error(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipsentry.services import portfolio

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(portfolio, "summary", broken)
    code, _, err = invoke(capsys, "portfolio", "summary")
    assert code == 70 and "internal error: RuntimeError: boom" in err


def test_flags_read_as_flags_in_help(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted(COMMANDS):
        code, out, _ = invoke(capsys, *path.split(), "--help")
        assert code == 0 and "<bool>" not in out and "<path>" not in out.lower(), path
    _, out, _ = invoke(capsys, "health", "event", "--help")
    assert "<seminar|consultation>" in out and "case_study" not in out
    _, out, _ = invoke(capsys, "disputes", "assess", "--help")
    # the factors a user can name come from the policy's data file, every one of them
    assert all(factor.key in " ".join(out.split()) for factor in policy().factors)


@pytest.mark.parametrize("given", ["option", "setting"])
def test_an_unusable_scheduler_address_names_where_it_was_given(
    given: str, world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["screen", "--marks", str(world.files["marks.csv"]), "--input",
            str(world.files["observations.csv"]), "--out", str(world.fresh("hits.jsonl"))]  # fmt: skip
    if given == "option":
        args += ["--scheduler", "nowhere"]
        named = "command line: --scheduler: cannot reach the Dask scheduler at nowhere"
    else:
        monkeypatch.setenv("IPSENTRY_DASK_SCHEDULER", "nowhere")
        named = "environment: IPSENTRY_DASK_SCHEDULER: cannot reach the Dask scheduler at nowhere"
    get_settings.cache_clear()
    try:
        code, _, err = invoke(capsys, *args)
    finally:
        monkeypatch.delenv("IPSENTRY_DASK_SCHEDULER", raising=False)
        get_settings.cache_clear()
    assert code == 2 and named in " ".join(err.split()), err
    assert not Path(args[6]).exists()


def test_screening_a_glob_names_every_bad_file_and_row_and_writes_nothing(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = world.fresh("crawl")
    folder.mkdir()
    (folder / "a.csv").write_text("id,title\n1,CCELL pods\n2,garden hose\n", "utf-8")
    (folder / "b.jsonl").write_text('{"id": "b1", "title": "ok"}\n{"id": "b2", "title": \n')
    (folder / "c.parquet").write_bytes(b"not parquet")
    (folder / "d.csv").write_text("id,title,kind\n1,CCELL,listing\n2,CCELL kit,tweet\n", "utf-8")
    out = world.fresh("hits.jsonl")
    code, _, err = invoke(capsys, "screen", "--marks", str(world.files["marks.csv"]),
                          "--input", f"{folder}/*", "--out", str(out))  # fmt: skip
    said = " ".join(err.split())
    assert code == 2 and not out.exists()
    for problem in (f"{folder}/b.jsonl:2: title: not valid JSON",
                    f"{folder}/c.parquet: (file): not a Parquet file",
                    f"{folder}/d.csv:3: kind: 'tweet' is not one of"):  # fmt: skip
        assert problem in said, err
    assert "a.csv" not in said
    code, _, err = invoke(capsys, "screen", "--marks", str(world.files["marks.csv"]),
                          "--input", f"{folder}/*.xlsx", "--out", str(out))  # fmt: skip
    assert code == 2 and f"no file matches '{folder}/*.xlsx'" in err


def test_a_misspelt_intake_field_is_named_with_the_one_meant_and_nothing_taken_in(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    intake = world.fresh("intake.yaml")
    intake.write_text(
        "title: Copied design again\n"
        "claimant: {name: Alpha Co., contry: CN}\n"
        "respondent: Beta Ltd\n"
        "recieved_on: 2026-11-02\n"
        "amount: {amount: '1000', curency: CNY}\n"
        "asignee: mediator@ipservice-demo.example\n"
        "colour: blue\n",
        "utf-8",
    )
    advisor = USERS["{advisor}"]
    _, before, _ = invoke(capsys, "disputes", "list", "--json", "--as", advisor)
    code, _, err = invoke(capsys, "disputes", "add", str(intake), "--as", advisor)
    said = " ".join(err.split())
    assert code == 2
    for problem in (
        f"{intake}: recieved_on: unknown field (did you mean 'received_on'?)",
        f"{intake}: asignee: unknown field (did you mean 'assignee'?)",
        f"{intake}: colour: unknown field (known: title, claimant,",
        f"{intake}: claimant.contry: unknown field (did you mean 'country'?)",
        f"{intake}: amount.curency: unknown field (did you mean 'currency'?)",
    ):
        assert problem in said, err
    _, after, _ = invoke(capsys, "disputes", "list", "--json", "--as", advisor)
    assert after == before


def test_an_intake_naming_a_right_no_engaged_enterprise_holds_is_refused_by_its_number(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    intake = world.fresh("rights.yaml")
    intake.write_text(
        "title: Copied brush\nclaimant: Alpha Co.\nrespondent: Beta Ltd\n"
        "received_on: 2026-11-02\nrights: [CN 215000001, 'US 10,357,623', 7]\n",
        "utf-8",
    )
    advisor = USERS["{advisor}"]
    _, before, _ = invoke(capsys, "disputes", "list", "--json", "--as", advisor)
    code, _, err = invoke(capsys, "disputes", "add", str(intake), "--as", advisor)
    said = " ".join(err.split())
    assert code == 2
    assert f"{intake}: rights.2: give the right's number as text, e.g. 'CN 60000001', not 7" in said
    intake.write_text(intake.read_text("utf-8").replace(", 7]", "]"), "utf-8")
    code, _, err = invoke(capsys, "disputes", "add", str(intake), "--as", advisor)
    said = " ".join(err.split())
    # smoore-demo holds US 10,357,623 but has not engaged the service centre
    assert code == 2 and (
        f"{intake}: rights.1: no right 'US 10,357,623' held by you or by an enterprise that "
        "engaged you" in said
    ), err
    _, after, _ = invoke(capsys, "disputes", "list", "--json", "--as", advisor)
    assert after == before
    code, out, _ = invoke(capsys, "disputes", "show", "2", "--as", advisor)
    assert code == 0
    assert "right CN 60000001 (trademark): EXAMPLEBOT — Beijing Example Robotics" in out


def test_a_judicial_confirmation_dated_wrongly_or_without_its_court_is_refused(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    advisor, mediator = USERS["{advisor}"], USERS["{mediator}"]
    intake = world.fresh("agreed.yaml")
    intake.write_text(
        f"title: Agreed in mediation\nclaimant: Gamma Co.\nrespondent: Delta Ltd\n"
        f"received_on: 2026-05-02\nassignee: {mediator}\n",
        "utf-8",
    )
    code, out, _ = invoke(capsys, "disputes", "add", str(intake), "--as", advisor)
    assert code == 0
    dispute = out.split()[1]
    for step in (
        ["assess", dispute, "--yes", "conduct_stopped_after_notice"],
        ["mediate", dispute],
        ["session", dispute, "--on", "2026-05-10"],
        ["resolve", dispute, "settlement", "--on", "2026-05-22"],
    ):
        assert invoke(capsys, "disputes", *step, "--as", mediator)[0] == 0, step
    confirm = ["disputes", "confirm", dispute]
    for args, said in (
        (["requested", "--on", "2999-01-01", "--court", "C"], "--on: 2999-01-01 is in the future"),
        (
            ["requested", "--on", "2026-05-21", "--court", "C"],
            "--on: 2026-05-21 is before the agreement (2026-05-22)",
        ),
        (["requested", "--on", "2026-06-01"], "--court: name the court asked to confirm"),
    ):
        code, _, err = invoke(capsys, *confirm, *args, "--as", mediator)
        assert code == 2 and f"command line: {said}" in " ".join(err.split()), err
    code, out, _ = invoke(capsys, "disputes", "show", dispute, "--as", mediator)
    assert "judicial confirmation not_sought" in out  # nothing kept from the refusals
    asked = ["requested", "--on", "2026-06-01", "--court", "Example Court", "--reference", "No. 9"]
    assert invoke(capsys, *confirm, *asked, "--as", mediator)[0] == 0
    code, _, err = invoke(capsys, *confirm, "confirmed", "--on", "2026-05-31", "--as", mediator)
    assert code == 2 and "--on: 2026-05-31 is before the court was asked (2026-06-01)" in err
    assert invoke(capsys, *confirm, "confirmed", "--on", "2026-06-20", "--as", mediator)[0] == 0
    code, out, _ = invoke(capsys, "disputes", "show", dispute, "--as", mediator)
    assert (
        "judicial confirmation confirmed (asked 2026-06-01, decided 2026-06-20; Example Court, "
        "No. 9)" in " ".join(out.split())
    ), out
