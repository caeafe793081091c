"""The generic dataclass codec and the tracker state it stores."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daemon import codec
from daemon.followup.tracker import JSON_VERSION, Application, Deferral, Interview

FIXTURE = Path(__file__).parent / "fixtures" / "state" / "application-v1.json"


@dataclass(frozen=True)
class Inner:
    when: datetime
    day: date | None = None


@dataclass(frozen=True)
class Outer:
    name: str
    kind: Literal["a", "b"]
    inner: Inner | None
    items: tuple[Inner, ...] = ()
    tags: tuple[str, ...] = ()
    count: int = 0
    flag: bool = False
    note: str = ""


T = datetime(2026, 3, 3, 14, 0, tzinfo=timezone(timedelta(hours=-5)))


def test_round_trip_keeps_every_value_and_offset() -> None:
    obj = Outer("x", "b", Inner(T, date(2026, 1, 2)), (Inner(T.astimezone(UTC)),), ("p", "q"), 3, True, "n")
    data = json.loads(json.dumps(codec.to_json(obj)))
    assert data["inner"] == {"when": "2026-03-03T14:00:00-05:00", "day": "2026-01-02"}
    assert data["tags"] == ["p", "q"]
    back = codec.from_json(Outer, data)
    assert back == obj
    assert back.inner is not None and back.inner.when.utcoffset() == timedelta(hours=-5)


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    back = codec.from_json(Outer, {"name": "x", "kind": "a", "inner": None, "added_later": {"deep": 1}})
    assert back == Outer("x", "a", None)
    # an explicit null where the class has a default: the default
    assert codec.from_json(Outer, {"name": "x", "kind": "a", "inner": None, "tags": None, "note": None}).tags == ()


def test_bad_rows_raise_a_codec_error_naming_the_field() -> None:
    with pytest.raises(codec.CodecError, match=r"Outer\.kind"):
        codec.from_json(Outer, {"name": "x", "kind": "z", "inner": None})
    with pytest.raises(codec.CodecError, match=r"Outer\.name: missing"):
        codec.from_json(Outer, {"kind": "a", "inner": None})
    with pytest.raises(codec.CodecError, match=r"Inner\.when"):
        codec.from_json(Outer, {"name": "x", "kind": "a", "inner": {"when": "not a date"}})
    with pytest.raises(codec.CodecError, match="expected an object"):
        codec.from_json(Outer, ["x"])


def test_unsupported_types_are_refused_when_the_class_is_first_used() -> None:
    @dataclass(frozen=True)
    class Bad:
        value: dict[str, int]

    with pytest.raises(TypeError, match="unsupported"):
        codec.to_json(Bad({}))


@given(
    name=st.text(),
    tags=st.lists(st.text(), max_size=4).map(tuple),
    count=st.integers(),
    moment=st.datetimes(timezones=st.just(UTC)),
)
def test_round_trip_property(name: str, tags: tuple[str, ...], count: int, moment: datetime) -> None:
    obj = Outer(name, "a", Inner(moment), tags=tags, count=count)
    assert codec.from_json(Outer, json.loads(json.dumps(codec.to_json(obj)))) == obj


def test_a_row_written_by_the_hand_written_v1_encoder_reads_back_unchanged() -> None:
    """The fixture was written by the converter this codec replaced: old rows need no rewrite."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    app = Application.from_json(data)
    assert app.interview == Interview(
        number=2,
        start=T,
        end=T + timedelta(hours=1),
        timezone="America/New_York",
        round="final",
        interviewers=("Mira Chen", "Joel Park"),
        uid="evt-77@acme.com",
        sequence=3,
    )
    assert app.deferral == Deferral(return_date=date(2026, 3, 9), until=T + timedelta(days=6))
    assert app.stages[0].retract is True and app.stages[0].reasons == ("round final",)
    assert app.latest is not None and app.latest.reply_name == "Jane Doe"
    # and what the codec writes is the same JSON, key for key, plus the fields added since
    # (each at its default, so the row means the same)
    written = app.to_json()
    assert written["latest"].pop("recipient_note") == ""
    assert written.pop("agency") is None and written.pop("notes") == {
        "specific": None, "question": None, "extra": None
    }
    assert written["interview"].pop("topics") == []
    assert written == data
    assert data["v"] == JSON_VERSION


def test_an_older_row_without_the_newer_fields_still_reads() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for key in ("deferral", "user_followed_up", "processed", "reason"):
        del data[key]
    for stage in data["stages"]:
        for key in ("kind", "attempts", "retract", "done_at", "reasons"):
            del stage[key]
    del data["latest"]["reply_name"]
    app = Application.from_json(data)
    assert app.deferral is None and app.processed == () and app.stages[0].kind == "followup"
    assert app.latest is not None and app.latest.reply_name == ""
