"""Run settings: which rules, which message language, and the rules' options."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Options(BaseModel):
    """Numbers and lists that rules' messages and fixes use."""

    model_config = ConfigDict(extra="forbid")

    default_revisions: int = Field(default=3, ge=0, description="Revision cap a fix proposes.")
    silence_days: int = Field(default=7, ge=1, description="Silence period a fix proposes, in days.")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lang: Literal["auto", "ja", "en"] = Field(default="auto", description="Message language; auto: the listing's.")
    select: list[str] = Field(default_factory=list, description="Only these rules (codes, names or prefixes).")
    ignore: list[str] = Field(default_factory=list, description="Never these rules (codes, names or prefixes).")
    options: Options = Field(default_factory=Options)

    def enables(self, code: str, name: str) -> bool:
        def named(selectors: list[str]) -> bool:
            return any(name == s or code.startswith(s.upper()) for s in selectors)

        return (not self.select or named(self.select)) and not named(self.ignore)
