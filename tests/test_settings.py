"""Player settings: validated values, defaults for whatever is missing or bad, atomic saving."""

from __future__ import annotations

import dataclasses
import errno
import json
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.settings import (
    PALETTES,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from game.storage import StorageError, read_json

DEFAULTS = Settings()
CUSTOM = Settings(
    ui_scale=1.5, fullscreen=True, palette="colourblind", animation_speed=0.0, window_size=(1920, 1080), language="km"
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def write_settings_file(content: bytes | dict[str, Any]) -> Path:
    path = settings_path()
    path.write_bytes(json.dumps(content).encode() if isinstance(content, dict) else content)
    return path


# ---------------------------------------------------------------------------- defaults and round trip
def test_the_defaults_are_the_documented_ones() -> None:
    documented = Settings(
        ui_scale=1.0, fullscreen=False, palette="standard", animation_speed=1.0, window_size=(1280, 720)
    )
    assert documented == DEFAULTS
    assert PALETTES == ("standard", "colourblind")


def test_no_settings_file_gives_the_defaults_without_creating_one(home: Path) -> None:
    assert load_settings() == DEFAULTS
    assert settings_path() == home / "config" / "settings.json"
    assert not settings_path().exists()


def test_saved_settings_load_back_equal(home: Path) -> None:
    save_settings(CUSTOM)
    assert load_settings() == CUSTOM
    assert read_json(home / "config" / "settings.json") == {
        "format": 1,
        "ui_scale": 1.5,
        "fullscreen": True,
        "palette": "colourblind",
        "animation_speed": 0.0,
        "window_size": [1920, 1080],
        "language": "km",
    }


def test_a_language_that_is_no_language_code_is_refused_naming_it() -> None:
    for bad in ("Khmer", "k", "km-KH!", "KM", 3):
        with pytest.raises(ValueError, match="language"):
            Settings(language=bad)  # type: ignore[arg-type]
    assert Settings(language="km").language == "km"


def test_a_partial_file_keeps_its_values_and_defaults_the_rest() -> None:
    write_settings_file({"ui_scale": 1.75})
    assert load_settings() == DEFAULTS.with_(ui_scale=1.75)


def test_unknown_keys_from_a_newer_version_are_ignored() -> None:
    write_settings_file({"format": 2, "fullscreen": True, "high_contrast": True})
    assert load_settings() == DEFAULTS.with_(fullscreen=True)


# ---------------------------------------------------------------------------- bad files
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b'{"ui_scale": 1.5, "fullscr',
        b"[1.5, true]",
        b'"fullscreen"',
        b"null",
        b'{"ui_scale": NaN}',
    ],
    ids=["empty", "binary", "truncated", "list", "string", "null", "nan"],
)
def test_a_damaged_settings_file_gives_the_defaults_and_a_warning(
    content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    write_settings_file(content)
    with caplog.at_level(logging.WARNING, logger="game.settings"):
        assert load_settings() == DEFAULTS
    assert caplog.records, "the problem should be logged"


def test_a_settings_path_that_is_a_folder_gives_the_defaults() -> None:
    settings_path().mkdir()
    assert load_settings() == DEFAULTS


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ui_scale", 0.5),
        ("ui_scale", 2.01),
        ("ui_scale", "big"),
        ("ui_scale", True),
        ("ui_scale", None),
        ("fullscreen", 1),
        ("fullscreen", "yes"),
        ("palette", "neon"),
        ("palette", ["standard"]),
        ("animation_speed", -0.1),
        ("animation_speed", 3.5),
        ("animation_speed", 1e308),
        ("window_size", [1280]),
        ("window_size", [1280, 720, 1]),
        ("window_size", [1280, "720"]),
        ("window_size", [True, 720]),
        ("window_size", [1280.0, 720]),
        ("window_size", [100, 100]),
        ("window_size", [1280, 100_000]),
        ("window_size", {"w": 1280, "h": 720}),
    ],
)
def test_a_bad_value_falls_back_to_its_default_and_keeps_the_others(
    field: str, value: Any, caplog: pytest.LogCaptureFixture
) -> None:
    good = CUSTOM.to_dict()
    write_settings_file({**good, field: value})
    with caplog.at_level(logging.WARNING, logger="game.settings"):
        loaded = load_settings()
    assert loaded == dataclasses.replace(CUSTOM, **{field: getattr(DEFAULTS, field)})
    assert any(field in record.getMessage() for record in caplog.records)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(
        st.sampled_from(["ui_scale", "fullscreen", "palette", "animation_speed", "window_size", "other"]), JSON
    )
    | JSON
)
def test_any_json_in_the_settings_file_loads_as_valid_settings(data: Any) -> None:
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    loaded = load_settings()
    assert 1.0 <= loaded.ui_scale <= 2.0 and 0.0 <= loaded.animation_speed <= 3.0
    assert isinstance(loaded.fullscreen, bool) and loaded.palette in PALETTES
    assert isinstance(loaded.window_size, tuple) and len(loaded.window_size) == 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=200))
def test_any_bytes_in_the_settings_file_load_without_an_exception(content: bytes) -> None:
    settings_path().write_bytes(content)
    assert isinstance(load_settings(), Settings)


# ---------------------------------------------------------------------------- with_ and validation
def test_with_returns_a_validated_copy_and_leaves_the_original_alone() -> None:
    changed = DEFAULTS.with_(ui_scale=2, palette="colourblind")
    assert changed.ui_scale == 2.0 and isinstance(changed.ui_scale, float)
    assert changed.palette == "colourblind"
    assert DEFAULTS.ui_scale == 1.0 and DEFAULTS.palette == "standard"
    with pytest.raises(dataclasses.FrozenInstanceError):
        changed.fullscreen = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ui_scale": 2.5}, "ui_scale must be between 1 and 2, not 2.5"),
        ({"ui_scale": 0.99}, "ui_scale must be between 1 and 2, not 0.99"),
        ({"ui_scale": float("nan")}, "ui_scale must be between 1 and 2, not nan"),
        ({"ui_scale": "150%"}, "ui_scale must be a number, not '150%'"),
        ({"animation_speed": -1}, "animation_speed must be between 0 and 3, not -1"),
        ({"animation_speed": float("inf")}, "animation_speed must be between 0 and 3, not inf"),
        ({"fullscreen": "true"}, "fullscreen must be true or false, not 'true'"),
        ({"palette": "Colourblind"}, "palette must be one of standard, colourblind, not 'Colourblind'"),
        ({"window_size": (1280,)}, "window_size must be two whole numbers (width, height), not (1280,)"),
        ({"window_size": (320, 240)}, "window_size must be between 640x360 and 16384x16384, not (320, 240)"),
        ({"zoom": 2}, "unknown setting 'zoom'"),
    ],
)
def test_with_raises_value_error_naming_the_bad_value(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        DEFAULTS.with_(**changes)
    assert str(caught.value) == message


def test_the_constructor_validates_too() -> None:
    with pytest.raises(ValueError, match="ui_scale"):
        Settings(ui_scale=3.0)


@pytest.mark.parametrize(
    "changes",
    [
        {"ui_scale": 1.0},
        {"ui_scale": 2.0},
        {"animation_speed": 0},
        {"animation_speed": 3.0},
        {"window_size": (640, 360)},
        {"window_size": (16384, 16384)},
    ],
)
def test_the_limits_themselves_are_allowed(changes: dict[str, Any]) -> None:
    settings_ = DEFAULTS.with_(**changes)
    save_settings(settings_)
    assert load_settings() == settings_


# ---------------------------------------------------------------------------- atomic saving
def test_a_failed_save_keeps_the_previous_settings_file(monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(CUSTOM)
    before = settings_path().read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    with monkeypatch.context() as patch, pytest.raises(StorageError, match="Read-only file system"):
        patch.setattr(os, "replace", refuse)
        save_settings(DEFAULTS)
    assert settings_path().read_bytes() == before
    assert load_settings() == CUSTOM
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]
