"""One JSON codec for frozen dataclasses, driven by their type hints.

State that is stored (the tracker's applications) is made of dataclasses whose fields are
``str``, ``int``, ``bool``, ``datetime``, ``date``, ``Literal`` values, tuples of those,
other such dataclasses, and ``X | None``. Writing a converter by hand for each class meant
editing two long functions for every new field; here a new field is one line in its class.

- datetimes and dates are ISO 8601 strings, tuples are lists: the stored JSON stays readable;
- a key missing from stored data takes the field's default, so old rows read as they were;
- a key the class does not know is ignored, so a newer row read by an older program loses
  nothing it could have used.

Decoding plans are built once per class and cached: the runner decodes every application
for each message it applies.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
Decoder = Callable[[Any], Any]
Encoder = Callable[[Any], Any]


class CodecError(ValueError):
    """Stored data that does not fit the class it is read into."""


def to_json(obj: Any) -> dict[str, Any]:
    """``obj`` (a dataclass instance) as plain JSON values."""
    encode: Encoder = _encoder(type(obj))  # type: ignore[arg-type]
    return encode(obj)  # type: ignore[no-any-return]


def from_json(cls: type[T], data: Any) -> T:
    """An instance of ``cls`` from what :func:`to_json` wrote (or an older version of it)."""
    decode: Decoder = _decoder(cls)  # type: ignore[arg-type]
    return decode(data)  # type: ignore[no-any-return]


def _identity(value: Any) -> Any:
    return value


def _iso(value: Any) -> Any:
    return value.isoformat()


@cache
def _encoder(tp: Any) -> Encoder:
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _encoder(hints[f.name])) for f in dataclasses.fields(tp)]

        def encode_dc(obj: Any) -> dict[str, Any]:
            return {name: enc(getattr(obj, name)) for name, enc in fields}

        return encode_dc
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        encoders = [_encoder(a) for a in get_args(tp) if a is not type(None)]
        if len(encoders) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        [inner] = encoders
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        args = get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] is supported, not {tp!r}")
        item = _encoder(args[0])
        if item is _identity:
            return list
        return lambda v: [item(x) for x in v]
    if tp in (datetime, date):
        return _iso
    if tp in (str, int, bool, float) or origin is Literal:
        return _identity
    raise TypeError(f"unsupported field type {tp!r}")


@cache
def _decoder(tp: Any) -> Decoder:
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_decoder(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        decoders = [_decoder(a) for a in get_args(tp) if a is not type(None)]
        if len(decoders) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        [inner] = decoders
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _decoder(get_args(tp)[0])
        return lambda v: () if v is None else tuple(item(x) for x in v)
    if tp is datetime:
        return _datetime
    if tp is date:
        return _date
    if origin is Literal:
        allowed = frozenset(get_args(tp))

        def literal(v: Any) -> Any:
            if v not in allowed:
                raise CodecError(f"{v!r} is not one of {sorted(map(str, allowed))}")
            return v

        return literal
    if tp is bool:
        return bool
    if tp is int:
        return int
    if tp is float:
        return float
    if tp is str:
        return str
    raise TypeError(f"unsupported field type {tp!r}")


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Decoder, bool]] = []
    for f in dataclasses.fields(cls):
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        plan.append((f.name, _decoder(hints[f.name]), has_default))

    def decode_dc(data: Any) -> Any:
        if not isinstance(data, dict):
            raise CodecError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        for name, dec, has_default in plan:
            value = data.get(name)
            if value is not None:
                try:
                    kwargs[name] = dec(value)
                except (TypeError, ValueError) as exc:
                    raise CodecError(f"{cls.__name__}.{name}: {exc}") from exc
            elif not has_default:
                if name not in data:
                    raise CodecError(f"{cls.__name__}.{name}: missing")
                kwargs[name] = None  # an explicit null for a required field: `X | None`
            # absent or null with a default: the class's default
        return cls(**kwargs)

    return decode_dc


def _datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
