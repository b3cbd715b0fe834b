"""The listing's fields, validated: known fields typed, unknown ones kept and ignored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Kind = Literal["production", "content", "consultation"]
Platform = Literal["coconala", "fiverr", "skima", "lancers", "generic"]
TEXT_SECTIONS = ("description", "purchase_notes", "options")
UNLIMITED = "unlimited"
SUPPRESSION_KEY = "listing-lint-ignore"  # codes ignored for the whole file (see suppress.py)


class Settings(BaseModel):
    """The platform's switches the listing declares."""

    model_config = ConfigDict(extra="allow")

    quote_required: bool | None = None
    anonymous_reviews: bool | None = None


class FrontMatter(BaseModel):
    """Front matter of a Markdown listing, or the top level of a YAML listing."""

    model_config = ConfigDict(extra="allow")

    title: str | None = None
    platform: Platform = "generic"
    language: Literal["ja", "en"] | None = None
    kind: list[Kind] | None = None
    category: str | None = None
    price: int | float | str | None = None
    delivery_days: int | None = Field(default=None, ge=0)
    revisions: int | Literal["unlimited"] | None = None
    settings: Settings = Field(default_factory=Settings)
    description: str | None = None
    purchase_notes: str | None = None
    options: str | list[Any] | None = None

    @field_validator("platform", "language", mode="before")
    @classmethod
    def _lowercase(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("kind", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip().lower() for part in value.replace("、", ",").split(",") if part.strip()]
        return value

    @field_validator("revisions", mode="before")
    @classmethod
    def _revisions(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in {UNLIMITED, "無制限"}:
            return UNLIMITED
        if isinstance(value, bool) or (isinstance(value, int) and value < 0):
            raise ValueError("expected an integer ≥ 0 or 'unlimited'")
        if isinstance(value, str) and not value.strip().isdigit():
            raise ValueError("expected an integer ≥ 0 or 'unlimited'")
        return value

    @field_validator("settings", mode="before")
    @classmethod
    def _settings_default(cls, value: Any) -> Any:
        return {} if value is None else value


def unknown_fields(fields: FrontMatter) -> list[tuple[str, ...]]:
    """Key paths of the fields (top level and under ``settings``) that no model declares."""
    top = [(key,) for key in fields.model_extra or {} if key != SUPPRESSION_KEY]
    return top + [("settings", key) for key in fields.settings.model_extra or {}]


def validate(fields: dict[str, Any]) -> FrontMatter:
    """Raise ``FieldError`` ("field: problem (got value)") for the first bad field."""
    try:
        return FrontMatter.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"] if part not in ("list[...]",))
        message = error["msg"].removeprefix("Value error, ")
        raise FieldError(error["loc"], f"{where}: {message} (got {error.get('input')!r})") from None


class FieldError(ValueError):
    """A known field with a value of the wrong type."""

    def __init__(self, loc: tuple[Any, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc
